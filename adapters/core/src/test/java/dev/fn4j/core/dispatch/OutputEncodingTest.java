package dev.fn4j.core.dispatch;

import static dev.fn4j.core.dispatch.Fixtures.compose;
import static dev.fn4j.core.dispatch.Fixtures.failureOf;
import static dev.fn4j.core.dispatch.Fixtures.json;
import static dev.fn4j.core.dispatch.Fixtures.single;
import static dev.fn4j.core.dispatch.Fixtures.text;
import static dev.fn4j.core.dispatch.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.core.catalog.Composition;
import dev.fn4j.core.testfunctions.Order;
import dev.fn4j.function.BatchResult;
import dev.fn4j.function.Cookie;
import dev.fn4j.function.Headers;
import dev.fn4j.function.HttpReply;
import dev.fn4j.function.Message;
import dev.fn4j.function.TypeRef;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** DESIGN.md §5, output side: how a function's return value becomes the neutral result. */
class OutputEncodingTest {

  private final Dispatcher dispatcher = new Dispatcher();

  /** Calls a function that ignores its text input and returns a fixed value of a declared type. */
  private <O> FunctionResult callReturning(TypeRef<O> type, O value) {
    Composition function =
        compose(
            registry -> registry.function("out", TypeRef.of(String.class), type, in -> value),
            "out");
    return dispatcher.call(function, text("ignored"));
  }

  /** A consumer: its output is void. */
  static final class Sink implements Consumer<String> {
    final List<String> received = new ArrayList<>();

    @Override
    public void accept(String text) {
      received.add(text);
    }
  }

  /** Returns an object whose getter throws. */
  static final class MakeExploding implements Function<String, Exploding> {
    @Override
    public Exploding apply(String text) {
      return new Exploding();
    }
  }

  /** A bean whose only property cannot be read. */
  public static final class Exploding {
    /** The message of the getter's exception, which must not reach a client. */
    static final String SECRET = "api key is sk-live-1234";

    public String getName() {
      throw new IllegalStateException(SECRET);
    }
  }

  /** A bean that refers to itself. */
  public static final class SelfReferencing {
    public String getName() {
      return "me";
    }

    public SelfReferencing getSelf() {
      return this;
    }
  }

  /** Two beans that refer to each other. */
  public static final class Parent {
    public final Child child = new Child(this);
  }

  /** The other half of the cycle. */
  public static final class Child {
    public final Parent parent;

    Child(Parent parent) {
      this.parent = parent;
    }
  }

  /** A bean whose getter recurses until the stack overflows. */
  public static final class Bottomless {
    public int getDepth() {
      return 1 + getDepth();
    }
  }

  /** A bean whose getter fails an assertion. */
  public static final class FailsAssertion {
    public String getValue() {
      throw new AssertionError("invariant broken");
    }
  }

  /** A stream whose reading fails with an unchecked exception. */
  static final class BrokenStream extends InputStream {
    @Override
    public int read() {
      throw new java.io.UncheckedIOException(new java.io.IOException("connection reset"));
    }
  }

  @Test
  void aStringOutputIsPlainTextInUtf8() {
    // given / when
    FunctionResult result = callReturning(TypeRef.of(String.class), "grüße");

    // then
    assertThat(result.contentType()).isEqualTo("text/plain; charset=UTF-8");
    assertThat(result.effectiveContentType()).isEqualTo("text/plain; charset=UTF-8");
    assertThat(result.payload().asBytes()).isEqualTo("grüße".getBytes(StandardCharsets.UTF_8));
    assertThat(result.httpStatus()).isEqualTo(200);
    assertThat(result.status()).isZero();
    assertThat(result.headers().isEmpty()).isTrue();
    assertThat(result.cookies()).isEmpty();
    assertThat(result.failedItems()).isEmpty();
  }

  @Test
  void aStringOutputIsNeverJsonQuoted() {
    // given / when
    FunctionResult result = callReturning(TypeRef.of(String.class), "{\"looks\":\"like json\"}");

    // then
    assertThat(utf8(result.payload())).isEqualTo("{\"looks\":\"like json\"}");
    assertThat(result.contentType()).isEqualTo("text/plain; charset=UTF-8");
  }

  @Test
  void aByteArrayOutputIsAnOctetStreamOfTheBytesUntouched() {
    // given
    byte[] bytes = {0, (byte) 0xFF, (byte) 0xC3, 0x28, (byte) 0x80};

    // when
    FunctionResult result = callReturning(TypeRef.of(byte[].class), bytes.clone());

    // then
    assertThat(result.contentType()).isEqualTo("application/octet-stream");
    assertThat(result.payload().asBytes()).containsExactly(bytes);
    assertThat(result.httpStatus()).isEqualTo(200);
  }

  @Test
  void aByteBufferOutputIsAnOctetStreamOfItsRemainingBytes() {
    // given
    ByteBuffer buffer = ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5});
    buffer.position(2);

    // when
    FunctionResult result = callReturning(TypeRef.of(ByteBuffer.class), buffer);

    // then
    assertThat(result.contentType()).isEqualTo("application/octet-stream");
    assertThat(result.payload().asBytes()).containsExactly(3, 4, 5);
  }

  @Test
  void anInputStreamOutputIsAnOctetStreamOfItsBytes() {
    // given
    InputStream stream = new ByteArrayInputStream(new byte[] {9, (byte) 0xFE, 7});

    // when
    FunctionResult result = callReturning(TypeRef.of(InputStream.class), stream);

    // then
    assertThat(result.contentType()).isEqualTo("application/octet-stream");
    assertThat(result.payload().asBytes()).containsExactly(9, 0xFE, 7);
  }

  @Test
  void aRecordOutputIsJson() {
    // given / when
    FunctionResult result = callReturning(TypeRef.of(Order.class), new Order("tea", 2));

    // then
    assertThat(result.contentType()).isEqualTo("application/json");
    assertThat(utf8(result.payload())).isEqualTo("{\"item\":\"tea\",\"quantity\":2}");
    assertThat(result.httpStatus()).isEqualTo(200);
  }

  @Test
  void aListAndAMapOutputAreJson() {
    // given
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("count", 2);
    map.put("names", List.of("a", "b"));

    // when
    FunctionResult list =
        callReturning(new TypeRef<List<Order>>() {}, List.of(new Order("tea", 2)));
    FunctionResult object = callReturning(new TypeRef<Map<String, Object>>() {}, map);

    // then
    assertThat(utf8(list.payload())).isEqualTo("[{\"item\":\"tea\",\"quantity\":2}]");
    assertThat(list.contentType()).isEqualTo("application/json");
    assertThat(utf8(object.payload())).isEqualTo("{\"count\":2,\"names\":[\"a\",\"b\"]}");
    assertThat(object.contentType()).isEqualTo("application/json");
  }

  @Test
  void aNumberOutputIsJson() {
    // given / when
    FunctionResult result = callReturning(TypeRef.of(Integer.class), 42);

    // then
    assertThat(utf8(result.payload())).isEqualTo("42");
    assertThat(result.contentType()).isEqualTo("application/json");
  }

  @Test
  void aNullOutputIsAnEmptyPayloadAnsweredWith204() {
    // given / when
    FunctionResult result = callReturning(TypeRef.of(Order.class), null);

    // then
    assertThat(result.payload().isEmpty()).isTrue();
    assertThat(result.contentType()).isNull();
    assertThat(result.effectiveContentType()).isNull();
    assertThat(result.status()).isZero();
    assertThat(result.httpStatus()).isEqualTo(204);
  }

  @Test
  void aConsumerProducesAnEmptyPayloadAnsweredWith204() {
    // given
    Sink sink = new Sink();

    // when
    FunctionResult result = dispatcher.call(single("sink", sink), text("hello"));

    // then
    assertThat(sink.received).containsExactly("hello");
    assertThat(result.payload().isEmpty()).isTrue();
    assertThat(result.contentType()).isNull();
    assertThat(result.httpStatus()).isEqualTo(204);
  }

  @Test
  void theHeadersOfAMessageOutputBecomeResultHeaders() {
    // given
    Message<Order> message =
        Message.of(
            new Order("tea", 2),
            Headers.builder().add("X-Order-Id", "7").add("X-Tag", "a").add("X-Tag", "b").build());

    // when
    FunctionResult result = callReturning(new TypeRef<Message<Order>>() {}, message);

    // then
    assertThat(result.headers().first("x-order-id")).contains("7");
    assertThat(result.headers().all("X-Tag")).containsExactly("a", "b");
    assertThat(utf8(result.payload())).isEqualTo("{\"item\":\"tea\",\"quantity\":2}");
    assertThat(result.contentType()).isEqualTo("application/json");
    assertThat(result.effectiveContentType()).isEqualTo("application/json");
    assertThat(result.httpStatus()).isEqualTo(200);
  }

  @Test
  void aContentTypeSetByTheFunctionInAMessageWins() {
    // given
    Message<String> message =
        Message.of("a,b\n1,2\n", Headers.empty().with("content-type", "text/csv"));

    // when
    FunctionResult result = callReturning(new TypeRef<Message<String>>() {}, message);

    // then
    assertThat(result.contentType()).isEqualTo("text/plain; charset=UTF-8");
    assertThat(result.effectiveContentType()).isEqualTo("text/csv");
    assertThat(utf8(result.payload())).isEqualTo("a,b\n1,2\n");
  }

  @Test
  void aMessageWithoutPayloadIsEmptyButKeepsItsHeaders() {
    // given
    Message<String> message = Message.of(null, Headers.empty().with("X-Done", "yes"));

    // when
    FunctionResult result = callReturning(new TypeRef<Message<String>>() {}, message);

    // then
    assertThat(result.payload().isEmpty()).isTrue();
    assertThat(result.httpStatus()).isEqualTo(204);
    assertThat(result.headers().first("X-Done")).contains("yes");
  }

  @Test
  void anHttpReplyGivesStatusHeadersCookiesAndBody() {
    // given
    Cookie session = Cookie.of("session", "abc").withPath("/").withHttpOnly(true);
    Cookie theme = Cookie.of("theme", "dark").withMaxAge(Duration.ofHours(1));
    HttpReply<Order> reply =
        HttpReply.of(201, new Order("tea", 2))
            .withHeader("Location", "/orders/7")
            .withHeader("Vary", "Accept")
            .withHeader("Vary", "Origin")
            .withCookie(session)
            .withCookie(theme);

    // when
    FunctionResult result = callReturning(new TypeRef<HttpReply<Order>>() {}, reply);

    // then
    assertThat(result.status()).isEqualTo(201);
    assertThat(result.httpStatus()).isEqualTo(201);
    assertThat(result.headers().first("Location")).contains("/orders/7");
    assertThat(result.headers().all("vary")).containsExactly("Accept", "Origin");
    assertThat(result.cookies()).containsExactly(session, theme);
    assertThat(utf8(result.payload())).isEqualTo("{\"item\":\"tea\",\"quantity\":2}");
    assertThat(result.effectiveContentType()).isEqualTo("application/json");
  }

  @Test
  void anHttpReplyWithABinaryBodyKeepsTheBytesAndItsOwnContentType() {
    // given
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, (byte) 0xFF};
    HttpReply<byte[]> reply = HttpReply.ok(png.clone()).withContentType("image/png");

    // when
    FunctionResult result = callReturning(new TypeRef<HttpReply<byte[]>>() {}, reply);

    // then
    assertThat(result.payload().asBytes()).containsExactly(png);
    assertThat(result.contentType()).isEqualTo("application/octet-stream");
    assertThat(result.effectiveContentType()).isEqualTo("image/png");
    assertThat(result.httpStatus()).isEqualTo(200);
  }

  @Test
  void anHttpReplyWithoutBodyKeepsTheStatusItChose() {
    // given / when
    FunctionResult accepted =
        callReturning(new TypeRef<HttpReply<String>>() {}, HttpReply.status(202));
    FunctionResult noContent =
        callReturning(new TypeRef<HttpReply<String>>() {}, HttpReply.status(204));
    FunctionResult notFound =
        callReturning(new TypeRef<HttpReply<String>>() {}, HttpReply.of(404, "no such order"));

    // then
    assertThat(accepted.payload().isEmpty()).isTrue();
    assertThat(accepted.httpStatus()).isEqualTo(202);
    assertThat(noContent.httpStatus()).isEqualTo(204);
    assertThat(notFound.httpStatus()).isEqualTo(404);
    assertThat(utf8(notFound.payload())).isEqualTo("no such order");
    assertThat(notFound.contentType()).isEqualTo("text/plain; charset=UTF-8");
  }

  @Test
  void aBatchResultBecomesTheFailedItems() {
    // given
    Composition check =
        compose(
            registry ->
                registry.function(
                    "check",
                    new TypeRef<List<String>>() {},
                    TypeRef.of(BatchResult.class),
                    items -> BatchResult.failed(1)),
            "check");

    // when
    FunctionResult result = dispatcher.call(check, json("[\"a\",\"b\",\"c\"]"));

    // then
    assertThat(result.failedItems()).containsExactly(1);
    assertThat(utf8(result.payload())).isEqualTo("{\"failedIndices\":[1]}");
    assertThat(result.contentType()).isEqualTo("application/json");
  }

  @Test
  void aSuccessfulBatchResultHasNoFailedItems() {
    // given / when
    FunctionResult result = callReturning(TypeRef.of(BatchResult.class), BatchResult.success());

    // then
    assertThat(result.failedItems()).isEmpty();
    assertThat(utf8(result.payload())).isEqualTo("{\"failedIndices\":[]}");
  }

  @Test
  void anOutputWhoseGetterThrowsIsAnEncodeErrorNamingTheFunction() {
    // given
    Composition make = single("make", new MakeExploding());

    // when
    FunctionException failure = failureOf(() -> dispatcher.call(make, text("x")));

    // then
    assertThat(failure.kind()).isEqualTo(FunctionException.Kind.OUTPUT_NOT_ENCODABLE);
    assertThat(failure.phase()).isEqualTo(Phase.ENCODE);
    assertThat(failure.httpStatus()).isEqualTo(500);
    assertThat(failure.functionName()).isEqualTo("make");
    assertThat(failure.isUserFailure()).isFalse();
    assertThat(failure.detail())
        .startsWith("the output of type " + Exploding.class.getName() + " is not serialisable");
    assertThat(failure.getMessage()).startsWith("Function 'make' failed in phase ENCODE: ");
  }

  @Test
  void anEncodeErrorDoesNotLeakTheMessageOfTheExceptionAGetterThrew() {
    // given
    Composition make = single("make", new MakeExploding());

    // when
    FunctionException failure = failureOf(() -> dispatcher.call(make, text("x")));

    // then
    assertThat(failure.detail()).doesNotContain(Exploding.SECRET);
    assertThat(failure.getMessage()).doesNotContain(Exploding.SECRET);
  }

  @Test
  void aSelfReferencingOutputIsAnEncodeError() {
    // given / when
    FunctionException failure =
        failureOf(() -> callReturning(TypeRef.of(SelfReferencing.class), new SelfReferencing()));

    // then
    assertThat(failure.kind()).isEqualTo(FunctionException.Kind.OUTPUT_NOT_ENCODABLE);
    assertThat(failure.phase()).isEqualTo(Phase.ENCODE);
    assertThat(failure.functionName()).isEqualTo("out");
    assertThat(failure.detail()).contains(SelfReferencing.class.getName());
  }

  @Test
  void anOutputWithAReferenceCycleIsAnEncodeError() {
    // given / when
    FunctionException failure =
        failureOf(() -> callReturning(TypeRef.of(Parent.class), new Parent()));

    // then
    assertThat(failure.kind()).isEqualTo(FunctionException.Kind.OUTPUT_NOT_ENCODABLE);
    assertThat(failure.phase()).isEqualTo(Phase.ENCODE);
    assertThat(failure.functionName()).isEqualTo("out");
  }

  @Test
  void anUnencodableHttpReplyBodyIsAnEncodeError() {
    // given / when
    FunctionException failure =
        failureOf(
            () ->
                callReturning(
                    new TypeRef<HttpReply<SelfReferencing>>() {},
                    HttpReply.ok(new SelfReferencing())));

    // then
    assertThat(failure.phase()).isEqualTo(Phase.ENCODE);
    assertThat(failure.functionName()).isEqualTo("out");
  }

  @Test
  void anInputStreamOutputThatFailsWhileBeingReadIsAnEncodeError() {
    // given / when
    FunctionException failure =
        failureOf(() -> callReturning(TypeRef.of(InputStream.class), new BrokenStream()));

    // then
    assertThat(failure.phase()).isEqualTo(Phase.ENCODE);
    assertThat(failure.kind()).isEqualTo(FunctionException.Kind.OUTPUT_NOT_ENCODABLE);
    assertThat(failure.functionName()).isEqualTo("out");
  }

  @Test
  void anOutputWhoseGetterOverflowsTheStackIsAnEncodeError() {
    // given / when
    FunctionException failure =
        failureOf(() -> callReturning(TypeRef.of(Bottomless.class), new Bottomless()));

    // then
    assertThat(failure.phase()).isEqualTo(Phase.ENCODE);
    assertThat(failure.functionName()).isEqualTo("out");
  }

  @Test
  void aStringBodyIsEncodedInTheCharsetOfTheContentTypeTheFunctionChose() {
    // given
    HttpReply<String> reply =
        HttpReply.ok("café").withContentType("text/plain; charset=ISO-8859-1");

    // when
    FunctionResult result = callReturning(new TypeRef<HttpReply<String>>() {}, reply);

    // then
    assertThat(result.effectiveContentType()).isEqualTo("text/plain; charset=ISO-8859-1");
    assertThat(result.bytes()).containsExactly(0x63, 0x61, 0x66, 0xE9);
  }

  @Test
  void anOutputWhoseGetterThrowsAnErrorIsAnEncodeError() {
    // given / when
    FunctionException failure =
        failureOf(() -> callReturning(TypeRef.of(FailsAssertion.class), new FailsAssertion()));

    // then
    assertThat(failure.phase()).isEqualTo(Phase.ENCODE);
    assertThat(failure.functionName()).isEqualTo("out");
  }
}
