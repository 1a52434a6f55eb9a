package dev.fn4j.aws;

import dev.fn4j.aws.batch.WholeEvent;
import dev.fn4j.aws.event.EventKind;
import dev.fn4j.aws.event.EventTree;
import dev.fn4j.aws.event.LambdaEvent;
import dev.fn4j.aws.event.VendorEvents;
import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.catalog.Composition;
import dev.fn4j.core.convert.JsonTree;
import dev.fn4j.core.convert.MediaTypes;
import dev.fn4j.core.convert.Payload;
import dev.fn4j.core.dispatch.FunctionRequest;
import dev.fn4j.function.Headers;
import dev.fn4j.function.InvocationContext;

/**
 * Serves events that are one invocation of one function: EventBridge events (the function gets
 * {@code detail}; routing by {@code detail-type}) and direct invocations (the function gets the
 * payload as it arrived; routing by {@code FN4J_FUNCTION} or the single function). The output is
 * the response payload; a failure is a Lambda function error.
 */
final class SingleEventInvoker {

  private final FunctionRuntime runtime;

  SingleEventInvoker(FunctionRuntime runtime) {
    this.runtime = runtime;
  }

  byte[] handle(LambdaEvent event, LambdaInvocation invocation) {
    Composition function =
        event.kind() == EventKind.EVENTBRIDGE
            ? runtime.router().byEventType(event.tree().requireString("detail-type"))
            : runtime.router().defaultFunction();
    Class<?> eventClass = VendorEvents.declaredEventClass(function);
    if (eventClass != null) {
      return WholeEvent.call(runtime, function, event, invocation, eventClass);
    }
    InvocationContext.Builder context = invocation.contextBuilder(event.kind().id()).raw(event);
    FunctionRequest request;
    if (event.kind() == EventKind.EVENTBRIDGE) {
      EventTree tree = event.tree();
      context.raw(event.json());
      for (String field :
          new String[] {"id", "source", "detail-type", "time", "account", "region"}) {
        tree.string(field).ifPresent(value -> context.attribute("aws.eventbridge." + field, value));
      }
      request =
          new FunctionRequest(
              Payload.ofText(JsonTree.write(tree.raw("detail"))),
              Headers.empty().with("Content-Type", MediaTypes.JSON),
              context.build());
    } else {
      if (event.json() != null) {
        context.raw(event.json());
      }
      request =
          new FunctionRequest(Payload.ofBytes(event.bytes()), Headers.empty(), context.build());
    }
    return runtime.dispatcher().call(function, request).bytes();
  }
}
