package dev.fn4j.core.dispatch;

import static dev.fn4j.core.dispatch.Fixtures.CONTEXT;
import static dev.fn4j.core.dispatch.Fixtures.bytes;
import static dev.fn4j.core.dispatch.Fixtures.compose;
import static dev.fn4j.core.dispatch.Fixtures.failureOf;
import static dev.fn4j.core.dispatch.Fixtures.json;
import static dev.fn4j.core.dispatch.Fixtures.request;
import static dev.fn4j.core.dispatch.Fixtures.single;
import static dev.fn4j.core.dispatch.Fixtures.textItems;
import static dev.fn4j.core.dispatch.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.core.catalog.Composition;
import dev.fn4j.core.convert.Payload;
import dev.fn4j.core.testfunctions.Envelope;
import dev.fn4j.core.testfunctions.Order;
import dev.fn4j.core.testfunctions.QueueEvent;
import dev.fn4j.core.testfunctions.Recording;
import dev.fn4j.function.Headers;
import dev.fn4j.function.InvocationContext;
import dev.fn4j.function.Message;
import dev.fn4j.function.TypeRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;

/** DESIGN.md §5, input side: the declared type decides what a function receives, row by row. */
class ConversionTableTest {

  /** Bytes that are not valid UTF-8 (nor valid JSON). */
  private static final byte[] NOT_UTF8 = {(byte) 0xFF, (byte) 0xFE, 0x00, (byte) 0x80, (byte) 0xC3};

  private final Dispatcher dispatcher = new Dispatcher();

  static final class BytesIn extends Recording<byte[]> {}

  static final class BufferIn extends Recording<ByteBuffer> {}

  static final class TextIn extends Recording<String> {}

  static final class OrderIn extends Recording<Order> {}

  static final class PojoIn extends Recording<OrderBean> {}

  static final class OrderListIn extends Recording<List<Order>> {}

  static final class OrderMapIn extends Recording<Map<String, Order>> {}

  static final class EnvelopeIn extends Recording<Envelope<Order>> {}

  static final class OrderMessageIn extends Recording<Message<Order>> {}

  static final class BytesMessageIn extends Recording<Message<byte[]>> {}

  static final class EventIn extends Recording<QueueEvent> {}

  static final class EventMessageIn extends Recording<Message<QueueEvent>> {}

  static final class TextListIn extends Recording<List<String>> {}

  static final class TextFluxIn extends Recording<Flux<String>> {}

  /** Reads the whole stream inside the call, as a user function must. */
  static final class StreamIn implements Function<InputStream, String> {
    byte[] read;

    @Override
    public String apply(InputStream in) {
      try (in) {
        read = in.readAllBytes();
        return "ok";
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A JavaBean-style POJO: no-arg constructor and setters. */
  public static final class OrderBean {
    private String item;
    private int quantity;

    public String getItem() {
      return item;
    }

    public void setItem(String item) {
      this.item = item;
    }

    public int getQuantity() {
      return quantity;
    }

    public void setQuantity(int quantity) {
      this.quantity = quantity;
    }
  }

  @Nested
  class RawBytes {

    @Test
    void aByteArrayFunctionGetsNonUtf8BytesUntouchedWhateverTheContentType() {
      // given
      BytesIn function = new BytesIn();

      // when
      dispatcher.call(
          single("raw", function), bytes(NOT_UTF8.clone(), "text/plain; charset=UTF-8"));

      // then
      assertThat(function.only()).containsExactly(NOT_UTF8);
    }

    @Test
    void aByteArrayFunctionGetsAJsonStringBodyWithItsQuotesNotBase64Decoded() {
      // given
      BytesIn function = new BytesIn();

      // when
      dispatcher.call(single("raw", function), json("\"aGVsbG8=\""));

      // then
      assertThat(new String(function.only(), StandardCharsets.US_ASCII)).isEqualTo("\"aGVsbG8=\"");
    }

    @Test
    void aByteArrayFunctionGetsATextPayloadAsUtf8Bytes() {
      // given
      BytesIn function = new BytesIn();

      // when
      dispatcher.call(single("raw", function), request(Payload.ofText("é€"), null));

      // then
      assertThat(function.only())
          .containsExactly(0xC3, 0xA9, 0xE2, 0x82, 0xAC)
          .isEqualTo("é€".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anInputStreamFunctionReadsTheRawBytes() {
      // given
      StreamIn function = new StreamIn();

      // when
      dispatcher.call(single("stream", function), bytes(NOT_UTF8.clone(), "application/json"));

      // then
      assertThat(function.read).containsExactly(NOT_UTF8);
    }

    @Test
    void aByteBufferFunctionGetsAReadOnlyBufferOverTheRawBytes() {
      // given
      BufferIn function = new BufferIn();

      // when
      dispatcher.call(single("buffer", function), bytes(NOT_UTF8.clone(), null));

      // then
      ByteBuffer received = function.only();
      assertThat(received.isReadOnly()).isTrue();
      byte[] content = new byte[received.remaining()];
      received.get(content);
      assertThat(content).containsExactly(NOT_UTF8);
    }
  }

  @Nested
  class Text {

    @Test
    void aStringFunctionGetsTheBodyDecodedAsUtf8WhenNoCharsetIsGiven() {
      // given
      TextIn function = new TextIn();
      byte[] body = "grüße €".getBytes(StandardCharsets.UTF_8);

      // when
      dispatcher.call(single("text", function), bytes(body, null));

      // then
      assertThat(function.only()).isEqualTo("grüße €");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "text/plain; charset=ISO-8859-1",
          "text/plain;charset=iso-8859-1",
          "text/plain; charset=\"ISO-8859-1\"",
          "application/octet-stream; charset=latin1"
        })
    void aStringFunctionGetsTheBodyDecodedWithTheCharsetOfTheContentType(String contentType) {
      // given: "café" in ISO-8859-1, where é is the single byte 0xE9 (invalid as UTF-8)
      TextIn function = new TextIn();
      byte[] latin1 = {0x63, 0x61, 0x66, (byte) 0xE9};

      // when
      dispatcher.call(single("text", function), bytes(latin1, contentType));

      // then
      assertThat(function.only()).isEqualTo("café");
    }

    @Test
    void aStringFunctionGetsAJsonBodyVerbatimNeverParsed() {
      // given
      TextIn function = new TextIn();
      String body = "{ \"item\" : \"tea\",\n  \"quantity\": 2 }";

      // when
      dispatcher.call(single("text", function), json(body));

      // then
      assertThat(function.only()).isEqualTo(body);
    }

    @Test
    void aStringFunctionGetsAJsonStringLiteralWithItsQuotes() {
      // given
      TextIn function = new TextIn();

      // when
      dispatcher.call(single("text", function), json("\"hello\""));

      // then
      assertThat(function.only()).isEqualTo("\"hello\"");
    }

    @Test
    void aStringFunctionOnATextPayloadGetsTheVerySameString() {
      // given
      TextIn function = new TextIn();
      String body = new String("some text");

      // when
      dispatcher.call(single("text", function), request(Payload.ofText(body), "application/json"));

      // then
      assertThat(function.only()).isSameAs(body);
    }

    @Test
    void aStringFunctionKeepsAGenuineReplacementCharacter() {
      // given: U+FFFD itself, correctly encoded, is valid text
      TextIn function = new TextIn();

      // when
      dispatcher.call(
          single("text", function), bytes("a\uFFFDb".getBytes(StandardCharsets.UTF_8), null));

      // then
      assertThat(function.only()).isEqualTo("a\uFFFDb");
    }

    @Test
    void anEmptyBodyIsTheEmptyStringForAStringFunctionAndNoBytesForAByteArrayFunction() {
      // given
      TextIn text = new TextIn();
      BytesIn raw = new BytesIn();

      // when
      dispatcher.call(single("text", text), request(Payload.EMPTY, "application/json"));
      dispatcher.call(single("raw", raw), request(Payload.EMPTY, "application/json"));

      // then
      assertThat(text.only()).isEmpty();
      assertThat(raw.only()).isEmpty();
    }

    @Test
    void invalidUtf8ForAStringFunctionIsABadInputDecodeErrorNamingTheFunction() {
      // given
      TextIn function = new TextIn();
      Composition text = single("text", function);

      // when
      FunctionException failure =
          failureOf(() -> dispatcher.call(text, bytes(new byte[] {0x61, (byte) 0xC3, 0x28}, null)));

      // then
      assertThat(failure.kind()).isEqualTo(FunctionException.Kind.BAD_INPUT);
      assertThat(failure.phase()).isEqualTo(Phase.DECODE);
      assertThat(failure.httpStatus()).isEqualTo(400);
      assertThat(failure.functionName()).isEqualTo("text");
      assertThat(failure.detail()).isEqualTo("the body is not valid UTF-8 text");
      assertThat(failure.getMessage())
          .isEqualTo("Function 'text' failed in phase DECODE: the body is not valid UTF-8 text");
      assertThat(function.inputs()).isEmpty();
    }

    @Test
    void anUnknownCharsetForAStringFunctionIsAnUnsupportedMediaType() {
      // given
      Composition text = single("text", new TextIn());

      // when
      FunctionException failure =
          failureOf(
              () ->
                  dispatcher.call(
                      text, bytes(new byte[] {0x61}, "text/plain; charset=x-no-such-charset")));

      // then
      assertThat(failure.kind()).isEqualTo(FunctionException.Kind.UNSUPPORTED_MEDIA_TYPE);
      assertThat(failure.phase()).isEqualTo(Phase.DECODE);
      assertThat(failure.httpStatus()).isEqualTo(415);
      assertThat(failure.functionName()).isEqualTo("text");
      assertThat(failure.detail()).contains("x-no-such-charset");
    }
  }

  @Nested
  class Json {

    @Test
    void aRecordFunctionGetsTheJsonBodyDecoded() {
      // given
      OrderIn function = new OrderIn();

      // when
      dispatcher.call(single("order", function), json("{\"item\":\"tea\",\"quantity\":2}"));

      // then
      assertThat(function.only()).isEqualTo(new Order("tea", 2));
    }

    @Test
    void aRecordFunctionReadsJsonWithoutAContentType() {
      // given
      OrderIn function = new OrderIn();
      byte[] body = "{\"item\":\"tea\",\"quantity\":2}".getBytes(StandardCharsets.UTF_8);

      // when
      dispatcher.call(single("order", function), bytes(body, null));

      // then
      assertThat(function.only()).isEqualTo(new Order("tea", 2));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "application/json",
          "application/json; charset=UTF-8",
          "APPLICATION/JSON",
          "text/json",
          "application/cloudevents+json"
        })
    void aRecordFunctionAcceptsEveryJsonContentType(String contentType) {
      // given
      OrderIn function = new OrderIn();

      // when
      dispatcher.call(
          single("order", function),
          request(Payload.ofText("{\"item\":\"tea\",\"quantity\":2}"), contentType));

      // then
      assertThat(function.only()).isEqualTo(new Order("tea", 2));
    }

    @Test
    void aPojoFunctionGetsTheJsonBodyDecoded() {
      // given
      PojoIn function = new PojoIn();

      // when
      dispatcher.call(single("bean", function), json("{\"item\":\"tea\",\"quantity\":2}"));

      // then
      OrderBean bean = function.only();
      assertThat(bean.getItem()).isEqualTo("tea");
      assertThat(bean.getQuantity()).isEqualTo(2);
    }

    @Test
    void aMapFunctionGetsValuesOfTheDeclaredValueType() {
      // given
      OrderMapIn function = new OrderMapIn();

      // when
      dispatcher.call(
          single("orders", function),
          json(
              "{\"a\":{\"item\":\"tea\",\"quantity\":2},\"b\":{\"item\":\"jam\",\"quantity\":1}}"));

      // then
      assertThat(function.only())
          .containsExactly(
              Map.entry("a", new Order("tea", 2)), Map.entry("b", new Order("jam", 1)));
    }

    @Test
    void aListOfRecordsFunctionGetsEveryElementAsTheRecord() {
      // given
      OrderListIn function = new OrderListIn();

      // when
      dispatcher.call(
          single("orders", function),
          json("[{\"item\":\"tea\",\"quantity\":2},{\"item\":\"jam\",\"quantity\":1}]"));

      // then
      assertThat(function.only()).containsExactly(new Order("tea", 2), new Order("jam", 1));
    }

    @Test
    void aGenericRecordGetsItsTypeArgumentDecodedAsDeclared() {
      // given
      EnvelopeIn function = new EnvelopeIn();

      // when
      dispatcher.call(
          single("envelope", function),
          json("{\"id\":\"e-1\",\"item\":{\"item\":\"tea\",\"quantity\":2}}"));

      // then
      Envelope<Order> envelope = function.only();
      assertThat(envelope.id()).isEqualTo("e-1");
      assertThat((Object) envelope.item()).isInstanceOf(Order.class);
      assertThat(envelope.item()).isEqualTo(new Order("tea", 2));
    }

    @Test
    void aLambdaRegisteredWithAGenericTypeRefGetsTheDeclaredGenericType() {
      // given
      List<Object> received = new java.util.ArrayList<>();
      Composition function =
          compose(
              registry ->
                  registry.function(
                      "nested",
                      new TypeRef<Map<String, List<Order>>>() {},
                      TypeRef.of(String.class),
                      map -> {
                        received.add(map.get("x").get(0));
                        return "ok";
                      }),
              "nested");

      // when
      dispatcher.call(function, json("{\"x\":[{\"item\":\"tea\",\"quantity\":2}]}"));

      // then
      assertThat(received).containsExactly(new Order("tea", 2));
    }

    @Test
    void aJsonSyntaxErrorIsABadInputDecodeErrorNamingTheFunction() {
      // given
      OrderIn function = new OrderIn();
      Composition order = single("order", function);

      // when
      FunctionException failure =
          failureOf(() -> dispatcher.call(order, json("{\"item\": \"tea\",")));

      // then
      assertThat(failure.kind()).isEqualTo(FunctionException.Kind.BAD_INPUT);
      assertThat(failure.phase()).isEqualTo(Phase.DECODE);
      assertThat(failure.httpStatus()).isEqualTo(400);
      assertThat(failure.functionName()).isEqualTo("order");
      assertThat(failure.detail()).startsWith("the body is not JSON for " + Order.class.getName());
      assertThat(failure.getMessage()).startsWith("Function 'order' failed in phase DECODE: ");
      assertThat(function.inputs()).isEmpty();
    }

    @Test
    void aJsonTypeErrorIsABadInputDecodeErrorNamingTheFunctionAndTheField() {
      // given
      Composition order = single("order", new OrderIn());

      // when
      FunctionException failure =
          failureOf(() -> dispatcher.call(order, json("{\"item\":\"tea\",\"quantity\":\"many\"}")));

      // then
      assertThat(failure.kind()).isEqualTo(FunctionException.Kind.BAD_INPUT);
      assertThat(failure.phase()).isEqualTo(Phase.DECODE);
      assertThat(failure.functionName()).isEqualTo("order");
      assertThat(failure.detail()).contains("quantity");
    }

    @Test
    void aJsonArrayForARecordIsABadInputDecodeError() {
      // given
      Composition order = single("order", new OrderIn());

      // when
      FunctionException failure = failureOf(() -> dispatcher.call(order, json("[1,2]")));

      // then
      assertThat(failure.kind()).isEqualTo(FunctionException.Kind.BAD_INPUT);
      assertThat(failure.functionName()).isEqualTo("order");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "application/x-www-form-urlencoded"})
    void aNonJsonContentTypeForARecordFunctionIsAnUnsupportedMediaType(String contentType) {
      // given
      OrderIn function = new OrderIn();
      Composition order = single("order", function);

      // when
      FunctionException failure =
          failureOf(
              () ->
                  dispatcher.call(
                      order,
                      request(Payload.ofText("{\"item\":\"tea\",\"quantity\":2}"), contentType)));

      // then
      assertThat(failure.kind()).isEqualTo(FunctionException.Kind.UNSUPPORTED_MEDIA_TYPE);
      assertThat(failure.phase()).isEqualTo(Phase.DECODE);
      assertThat(failure.httpStatus()).isEqualTo(415);
      assertThat(failure.functionName()).isEqualTo("order");
      assertThat(failure.detail()).contains(contentType).contains(Order.class.getName());
      assertThat(function.inputs()).isEmpty();
    }

    @Test
    void anEmptyBodyForAJsonTypeIsABadInputDecodeError() {
      // given
      Composition order = single("order", new OrderIn());

      // when
      FunctionException failure =
          failureOf(() -> dispatcher.call(order, request(Payload.EMPTY, "application/json")));

      // then
      assertThat(failure.kind()).isEqualTo(FunctionException.Kind.BAD_INPUT);
      assertThat(failure.phase()).isEqualTo(Phase.DECODE);
      assertThat(failure.functionName()).isEqualTo("order");
      assertThat(failure.detail())
          .isEqualTo("the body is empty; expected JSON for " + Order.class.getName());
    }
  }

  @Nested
  class Messages {

    @Test
    void aMessageFunctionGetsHeadersContextAndTheConvertedPayload() {
      // given
      OrderMessageIn function = new OrderMessageIn();
      Object rawContext = new Object();
      InvocationContext context =
          InvocationContext.builder()
              .requestId("req-42")
              .functionName("something-else")
              .platform("test")
              .attribute("ce-type", "order.created")
              .raw(rawContext)
              .build();
      Headers headers =
          Headers.builder()
              .add("Content-Type", "application/json")
              .add("X-Tenant", "acme")
              .add("X-Tenant", "beta")
              .build();
      FunctionRequest request =
          new FunctionRequest(
              Payload.ofText("{\"item\":\"tea\",\"quantity\":2}"), headers, context);

      // when
      dispatcher.call(single("checkout", function), request);

      // then
      Message<Order> message = function.only();
      assertThat(message.payload()).isEqualTo(new Order("tea", 2));
      assertThat(message.headers().all("x-tenant")).containsExactly("acme", "beta");
      assertThat(message.headers().first("content-type")).contains("application/json");
      assertThat(message.context().functionName()).isEqualTo("checkout");
      assertThat(message.context().requestId()).isEqualTo("req-42");
      assertThat(message.context().platform()).isEqualTo("test");
      assertThat(message.context().attributes()).containsEntry("ce-type", "order.created");
      assertThat(message.context().unwrap(Object.class)).containsSame(rawContext);
    }

    @Test
    void aMessageOfBytesGetsTheRawBytes() {
      // given
      BytesMessageIn function = new BytesMessageIn();

      // when
      dispatcher.call(single("raw", function), bytes(NOT_UTF8.clone(), "application/json"));

      // then
      assertThat(function.only().payload()).containsExactly(NOT_UTF8);
      assertThat(function.only().context().functionName()).isEqualTo("raw");
    }

    @Test
    void aMessageOfARecordFollowsTheJsonRulesForItsPayload() {
      // given
      Composition checkout = single("checkout", new OrderMessageIn());

      // when
      FunctionException failure = failureOf(() -> dispatcher.call(checkout, json("{oops")));

      // then
      assertThat(failure.kind()).isEqualTo(FunctionException.Kind.BAD_INPUT);
      assertThat(failure.functionName()).isEqualTo("checkout");
    }
  }

  @Nested
  class VendorEvents {

    @Test
    void aVendorEventTypeGetsTheRawEventFromTheContextAsIs() {
      // given: the body is the vendor's envelope, which is not what the function declares
      EventIn function = new EventIn();
      QueueEvent event = new QueueEvent(List.of("a", "b"));
      InvocationContext context =
          InvocationContext.builder().requestId("req-7").raw("a raw context").raw(event).build();
      FunctionRequest request =
          new FunctionRequest(
              Payload.ofText("<Records/>"),
              Headers.empty().with("Content-Type", "application/xml"),
              context);

      // when
      dispatcher.call(single("drain", function), request);

      // then
      assertThat(function.only()).isSameAs(event);
    }

    @Test
    void aMessageOfAVendorEventGetsTheRawEventAndTheContext() {
      // given
      EventMessageIn function = new EventMessageIn();
      QueueEvent event = new QueueEvent(List.of("a"));
      InvocationContext context = InvocationContext.builder().requestId("req-8").raw(event).build();

      // when
      dispatcher.call(
          single("drain", function), new FunctionRequest(Payload.EMPTY, Headers.empty(), context));

      // then
      Message<QueueEvent> message = function.only();
      assertThat(message.payload()).isSameAs(event);
      assertThat(message.context().requestId()).isEqualTo("req-8");
      assertThat(message.context().functionName()).isEqualTo("drain");
    }

    @Test
    void aVendorEventTypeIsReadAsJsonWhenTheContextCarriesNoSuchEvent() {
      // given
      EventIn function = new EventIn();

      // when
      dispatcher.call(single("drain", function), json("{\"bodies\":[\"x\"]}"));

      // then
      assertThat(function.only()).isEqualTo(new QueueEvent(List.of("x")));
      assertThat(CONTEXT.unwrap(QueueEvent.class)).isEmpty();
    }
  }

  @Nested
  class Batches {

    @Test
    void aFunctionOfOneItemIsInvokedOncePerBatchItem() {
      // given
      TextIn function = new TextIn();

      // when
      BatchOutcome outcome =
          dispatcher.callBatch(
              single("each", function), textItems("a", "b", "c"), BatchMode.INDEPENDENT);

      // then
      assertThat(function.inputs()).containsExactly("a", "b", "c");
      assertThat(outcome.allSucceeded()).isTrue();
      assertThat(outcome.items()).hasSize(3);
    }

    @Test
    void aListFunctionGetsTheWholeBatchInOneInvocation() {
      // given
      TextListIn function = new TextListIn();

      // when
      BatchOutcome outcome =
          dispatcher.callBatch(
              single("all", function), textItems("a", "b", "c"), BatchMode.INDEPENDENT);

      // then
      assertThat(function.only()).containsExactly("a", "b", "c");
      assertThat(outcome.allSucceeded()).isTrue();
      assertThat(outcome.items()).hasSize(3);
    }

    @Test
    void aFluxFunctionGetsTheWholeBatchInOneInvocation() {
      // given
      TextFluxIn function = new TextFluxIn();

      // when
      BatchOutcome outcome =
          dispatcher.callBatch(
              single("all", function), textItems("a", "b", "c"), BatchMode.INDEPENDENT);

      // then
      assertThat(function.only().collectList().block()).containsExactly("a", "b", "c");
      assertThat(outcome.allSucceeded()).isTrue();
    }

    @Test
    void batchItemsOfAStringFunctionAreNeverJsonParsed() {
      // given
      TextListIn function = new TextListIn();

      // when
      dispatcher.callBatch(
          single("all", function),
          List.of(json("{\"a\":1}"), json("\"quoted\"")),
          BatchMode.INDEPENDENT);

      // then
      assertThat(function.only()).containsExactly("{\"a\":1}", "\"quoted\"");
    }

    @Test
    void aListFunctionOnASingleRequestReadsTheBodyAsAJsonArray() {
      // given
      TextListIn function = new TextListIn();

      // when
      FunctionResult result = dispatcher.call(single("all", function), json("[\"a\",\"b\"]"));

      // then
      assertThat(function.only()).containsExactly("a", "b");
      assertThat(utf8(result.payload())).isEqualTo("ok");
    }
  }
}
