package dev.fn4j.aws.batch;

import dev.fn4j.aws.LambdaFailure;
import dev.fn4j.aws.LambdaInvocation;
import dev.fn4j.aws.event.LambdaEvent;
import dev.fn4j.aws.event.VendorEvents;
import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.catalog.Composition;
import dev.fn4j.core.convert.Payload;
import dev.fn4j.core.dispatch.FunctionException;
import dev.fn4j.core.dispatch.FunctionRequest;
import dev.fn4j.function.Headers;

/**
 * Calls a function that declared one of AWS's event classes with the whole event, once; its output
 * is the response as is (an {@code SQSBatchResponse} becomes the partial batch response).
 */
public final class WholeEvent {

  private WholeEvent() {}

  /**
   * Builds the request of a whole-event call: the event bound to the AWS class is in the context,
   * where the core's conversion finds it for the function's declared type.
   *
   * @param event the event
   * @param invocation the invocation
   * @param eventClass the AWS event class the function declares
   * @return the request
   * @throws dev.fn4j.aws.event.MalformedEventException when the event does not bind
   */
  public static FunctionRequest request(
      LambdaEvent event, LambdaInvocation invocation, Class<?> eventClass) {
    return new FunctionRequest(
        Payload.ofBytes(event.bytes()),
        Headers.empty(),
        invocation
            .contextBuilder(event.kind().id())
            .raw(VendorEvents.bind(event, eventClass))
            .raw(event)
            .build());
  }

  /**
   * Calls the function with the whole event.
   *
   * @param runtime the functions
   * @param function the routed function
   * @param event the event
   * @param invocation the invocation
   * @param eventClass the AWS event class the function declares
   * @return the encoded output
   * @throws LambdaFailure when the call fails
   */
  public static byte[] call(
      FunctionRuntime runtime,
      Composition function,
      LambdaEvent event,
      LambdaInvocation invocation,
      Class<?> eventClass) {
    FunctionRequest request = request(event, invocation, eventClass);
    try {
      return runtime.dispatcher().call(function, request).bytes();
    } catch (FunctionException e) {
      throw LambdaFailure.of(e);
    }
  }
}
