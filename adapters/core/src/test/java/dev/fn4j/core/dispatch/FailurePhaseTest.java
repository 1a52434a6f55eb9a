package dev.fn4j.core.dispatch;

import static dev.fn4j.core.dispatch.Fixtures.failureOf;
import static dev.fn4j.core.dispatch.Fixtures.json;
import static dev.fn4j.core.dispatch.Fixtures.single;
import static dev.fn4j.core.dispatch.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.core.catalog.Composition;
import dev.fn4j.core.testfunctions.Describe;
import dev.fn4j.core.testfunctions.FailOnBoom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DESIGN.md §6: every failure names its phase and function, and never carries a stack trace. */
class FailurePhaseTest {

  private final Dispatcher dispatcher = new Dispatcher();

  /** A user exception type with a secret message. */
  static final class PaymentDeclined extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PaymentDeclined(String message) {
      super(message);
    }
  }

  /** Throws whatever it was given, checked exceptions and errors included. */
  static final class Throws implements Function<String, String> {
    private final Throwable error;

    Throws(Throwable error) {
      this.error = error;
    }

    @Override
    public String apply(String text) {
      return Throws.<RuntimeException>sneaky(error);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> String sneaky(Throwable error) throws E {
      throw (E) error;
    }
  }

  /** Recurses until the stack is exhausted. */
  static final class Bottomless implements Function<String, String> {
    @Override
    public String apply(String text) {
      return apply(text + "") + "";
    }
  }

  /** Returns a bean whose only property cannot be read. */
  static final class MakeUnreadable implements Function<String, Unreadable> {
    @Override
    public Unreadable apply(String text) {
      return new Unreadable();
    }
  }

  /** A bean whose getter throws. */
  public static final class Unreadable {
    public String getValue() {
      throw new UnsupportedOperationException("not readable");
    }
  }

  /** Throws the dispatcher's own failure type to choose the outcome itself. */
  static final class RejectsInput implements Function<String, String> {
    static final FunctionException REJECTION =
        FunctionException.badInput("validate", "the order id must be numeric");

    @Override
    public String apply(String text) {
      throw REJECTION;
    }
  }

  @ParameterizedTest
  @CsvSource({
    "NO_SUCH_FUNCTION, ROUTE, 404",
    "METHOD_NOT_ALLOWED, ROUTE, 405",
    "PAYLOAD_TOO_LARGE, DECODE, 413",
    "UNSUPPORTED_MEDIA_TYPE, DECODE, 415",
    "BAD_INPUT, DECODE, 400",
    "FUNCTION_FAILED, INVOKE, 500",
    "OUTPUT_NOT_ENCODABLE, ENCODE, 500"
  })
  void everyKindBelongsToItsPhaseAndHttpStatus(
      FunctionException.Kind kind, Phase phase, int httpStatus) {
    // given / when / then
    assertThat(kind.phase()).isEqualTo(phase);
    assertThat(kind.httpStatus()).isEqualTo(httpStatus);
  }

  @Test
  void aDecodeFailureIsAFrameworkFailureInPhaseDecode() {
    // given
    Composition describe = single("describe", new Describe());

    // when
    FunctionException failure = failureOf(() -> dispatcher.call(describe, json("{\"item\":")));

    // then
    assertThat(failure.phase()).isEqualTo(Phase.DECODE);
    assertThat(failure.kind()).isEqualTo(FunctionException.Kind.BAD_INPUT);
    assertThat(failure.httpStatus()).isEqualTo(400);
    assertThat(failure.functionName()).isEqualTo("describe");
    assertThat(failure.isUserFailure()).isFalse();
    assertThat(failure.getCause()).isNull();
    assertThat(failure.getMessage())
        .isEqualTo("Function 'describe' failed in phase DECODE: " + failure.detail());
    assertThat(failure.toLogLine()).isEqualTo(failure.getMessage());
  }

  @Test
  void aThrowingFunctionIsAUserFailureInPhaseInvokeThatNamesOnlyTheExceptionClass() {
    // given
    FailOnBoom function = new FailOnBoom();
    Composition explode = single("explode", function);

    // when
    FunctionException failure = failureOf(() -> dispatcher.call(explode, text("boom")));

    // then
    assertThat(failure.phase()).isEqualTo(Phase.INVOKE);
    assertThat(failure.kind()).isEqualTo(FunctionException.Kind.FUNCTION_FAILED);
    assertThat(failure.httpStatus()).isEqualTo(500);
    assertThat(failure.functionName()).isEqualTo("explode");
    assertThat(failure.isUserFailure()).isTrue();
    assertThat(failure.detail()).isEqualTo("the function threw java.lang.IllegalStateException");
    assertThat(failure.getMessage())
        .isEqualTo(
            "Function 'explode' failed in phase INVOKE:"
                + " the function threw java.lang.IllegalStateException");
    assertThat(failure.getMessage()).doesNotContain(FailOnBoom.SECRET);
    assertThat(failure.detail()).doesNotContain(FailOnBoom.SECRET);
    assertThat(function.calls()).isEqualTo(1);
  }

  @Test
  void anInvokeFailureKeepsTheUserExceptionAsCauseForLogging() {
    // given
    PaymentDeclined declined = new PaymentDeclined("card 4111-1111 declined");
    Composition pay = single("pay", new Throws(declined));

    // when
    FunctionException failure = failureOf(() -> dispatcher.call(pay, text("x")));

    // then
    assertThat(failure.getCause()).isSameAs(declined);
    assertThat(failure.detail()).isEqualTo("the function threw " + PaymentDeclined.class.getName());
    assertThat(failure.getMessage()).doesNotContain("4111");
  }

  @Test
  void aFailureNeverCarriesAStackTraceInItsMessageOrDetail() {
    // given: a cause with a real, deep stack trace
    Composition explode = single("explode", new FailOnBoom());

    // when
    FunctionException failure = failureOf(() -> dispatcher.call(explode, text("boom")));

    // then
    assertThat(failure.getCause().getStackTrace()).isNotEmpty();
    for (String text : new String[] {failure.getMessage(), failure.detail()}) {
      assertThat(text)
          .doesNotContain("\tat ")
          .doesNotContain("\n")
          .doesNotContain(FailOnBoom.class.getName() + ".apply")
          .doesNotContain("Caused by");
    }
    assertThat(failure.getStackTrace()).isEmpty();
  }

  @Test
  void theLogLineSaysWhereTheFunctionThrewButNotWhatItSaid() {
    // given
    Composition explode = single("explode", new FailOnBoom());

    // when
    FunctionException failure = failureOf(() -> dispatcher.call(explode, text("boom")));

    // then
    assertThat(failure.toLogLine())
        .startsWith(
            "Function 'explode' failed in phase INVOKE:"
                + " the function threw java.lang.IllegalStateException at "
                + FailOnBoom.class.getName()
                + ".apply(")
        .doesNotContain(FailOnBoom.SECRET)
        .doesNotContain("\tat ")
        .doesNotContain("\n");
  }

  @Test
  void withMessagesSwitchedOnTheCausesMessageIsFlattenedAndCut() {
    // given
    Composition multiLine =
        single("multi", new Throws(new IllegalArgumentException("first line\r\nsecond line")));
    Composition longOne = single("long", new Throws(new IllegalArgumentException("x".repeat(600))));
    Composition explode = single("explode", new FailOnBoom());

    // when
    FunctionException multi = failureOf(() -> dispatcher.call(multiLine, text("x")));
    FunctionException cut = failureOf(() -> dispatcher.call(longOne, text("x")));
    FunctionException secret = failureOf(() -> dispatcher.call(explode, text("boom")));

    // then
    assertThat(multi.toLogLine(true))
        .endsWith("(first line  second line)")
        .doesNotContain("\n")
        .doesNotContain("\r");
    assertThat(cut.toLogLine(true)).endsWith("(" + "x".repeat(500) + "...)");
    assertThat(secret.toLogLine(true)).endsWith("(" + FailOnBoom.SECRET + ")");
  }

  @Test
  void aCauseWithoutMessageAddsOnlyWhereItWasThrown() {
    // given
    Composition npe = single("npe", new Throws(new NullPointerException()));

    // when
    FunctionException failure = failureOf(() -> dispatcher.call(npe, text("x")));

    // then
    assertThat(failure.toLogLine(true))
        .isEqualTo(failure.toLogLine(false))
        .startsWith(failure.getMessage() + " at ");
    assertThat(failure.detail()).isEqualTo("the function threw java.lang.NullPointerException");
  }

  @Test
  void aCheckedExceptionIsAnInvokeFailure() {
    // given
    Composition io = single("io", new Throws(new java.io.IOException("disk full")));

    // when
    FunctionException failure = failureOf(() -> dispatcher.call(io, text("x")));

    // then
    assertThat(failure.phase()).isEqualTo(Phase.INVOKE);
    assertThat(failure.functionName()).isEqualTo("io");
    assertThat(failure.detail()).isEqualTo("the function threw java.io.IOException");
  }

  @Test
  void anErrorThrownByTheFunctionIsAnInvokeFailure() {
    // given
    Composition asserts = single("asserts", new Throws(new AssertionError("invariant")));

    // when
    FunctionException failure = failureOf(() -> dispatcher.call(asserts, text("x")));

    // then
    assertThat(failure.phase()).isEqualTo(Phase.INVOKE);
    assertThat(failure.detail()).isEqualTo("the function threw java.lang.AssertionError");
  }

  @Test
  void aStackOverflowInTheFunctionIsAnInvokeFailure() {
    // given
    Composition bottomless = single("bottomless", new Bottomless());

    // when
    FunctionException failure = failureOf(() -> dispatcher.call(bottomless, text("x")));

    // then
    assertThat(failure.phase()).isEqualTo(Phase.INVOKE);
    assertThat(failure.functionName()).isEqualTo("bottomless");
    assertThat(failure.getCause()).isInstanceOf(StackOverflowError.class);
  }

  @Test
  void anOutOfMemoryErrorIsNotTurnedIntoAFunctionFailure() {
    // given
    OutOfMemoryError oom = new OutOfMemoryError("simulated");
    Composition hungry = single("hungry", new Throws(oom));

    // when / then
    assertThatThrownBy(() -> dispatcher.call(hungry, text("x"))).isSameAs(oom);
  }

  @Test
  void aFunctionExceptionThrownByTheFunctionIsPassedOnAsIs() {
    // given
    Composition validate = single("validate", new RejectsInput());

    // when
    FunctionException failure = failureOf(() -> dispatcher.call(validate, text("abc")));

    // then
    assertThat(failure).isSameAs(RejectsInput.REJECTION);
    assertThat(failure.phase()).isEqualTo(Phase.DECODE);
  }

  @Test
  void anUnencodableOutputIsAFrameworkFailureInPhaseEncode() {
    // given
    Composition opaque = single("opaque", new MakeUnreadable());

    // when
    FunctionException failure = failureOf(() -> dispatcher.call(opaque, text("x")));

    // then
    assertThat(failure.phase()).isEqualTo(Phase.ENCODE);
    assertThat(failure.kind()).isEqualTo(FunctionException.Kind.OUTPUT_NOT_ENCODABLE);
    assertThat(failure.httpStatus()).isEqualTo(500);
    assertThat(failure.functionName()).isEqualTo("opaque");
    assertThat(failure.isUserFailure()).isFalse();
    assertThat(failure.getMessage()).doesNotContain("\tat ").doesNotContain("\n");
  }
}
