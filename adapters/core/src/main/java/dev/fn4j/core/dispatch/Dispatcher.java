package dev.fn4j.core.dispatch;

import dev.fn4j.core.catalog.Composition;
import dev.fn4j.core.catalog.FunctionDefinition;
import dev.fn4j.core.catalog.Shape;
import dev.fn4j.core.catalog.Signature;
import dev.fn4j.core.convert.DataType;
import dev.fn4j.core.reactive.ReactiveSupport;
import dev.fn4j.function.Headers;
import dev.fn4j.function.HttpReply;
import dev.fn4j.function.InvocationContext;
import dev.fn4j.function.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one dispatch path every adapter uses: decode the input, invoke the function (or each stage of
 * a composition), settle an asynchronous result, encode the output. Stateless and thread-safe.
 *
 * <p>Every failure is a {@link FunctionException} that names the function and the phase.
 */
public final class Dispatcher {

  private final ReactiveSupport reactive;

  /** Creates a dispatcher that bridges Reactor when it is on the classpath. */
  public Dispatcher() {
    this(ReactiveSupport.detect());
  }

  Dispatcher(ReactiveSupport reactive) {
    this.reactive = reactive;
  }

  /** An asynchronous intermediate result. */
  private record Async(CompletionStage<Object> stage) {}

  /**
   * Invokes a function and waits for its result, asynchronous ones included.
   *
   * @param function the function or composition
   * @param request the request
   * @return the encoded result
   * @throws FunctionException when any phase fails
   */
  public FunctionResult call(Composition function, FunctionRequest request) {
    Object input = InputDecoder.decode(function.first(), request, reactive);
    return finish(function.last(), run(function, 0, input, request), request);
  }

  /** Waits for an asynchronous output if needed (at most until the deadline), then encodes it. */
  FunctionResult finish(FunctionDefinition last, Object output, FunctionRequest request) {
    Object value =
        output instanceof Async async ? join(last, async.stage(), request.context()) : output;
    return OutputEncoder.encode(last.name(), value);
  }

  /**
   * Invokes a function without blocking on an asynchronous result.
   *
   * @param function the function or composition
   * @param request the request
   * @return a stage completing with the result, or exceptionally with a {@link FunctionException}
   */
  public CompletionStage<FunctionResult> callAsync(Composition function, FunctionRequest request) {
    try {
      Object input = InputDecoder.decode(function.first(), request, reactive);
      Object output = run(function, 0, input, request);
      String last = function.last().name();
      if (output instanceof Async async) {
        return async.stage().thenApply(value -> OutputEncoder.encode(last, value));
      }
      return CompletableFuture.completedFuture(OutputEncoder.encode(last, output));
    } catch (FunctionException e) {
      return CompletableFuture.failedFuture(e);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(
          FunctionException.outputNotEncodable(
              function.last().name(), "unexpected " + e.getClass().getName(), e));
    }
  }

  /**
   * Invokes a function on every item of a batch and reports each item's outcome. A function over
   * {@code List<T>} or {@code Flux<T>} gets the whole batch in one call; any other function is
   * called once per item.
   *
   * @param function the function or composition
   * @param items the batch, one request per item
   * @param mode whether a failure stops the items after it
   * @return one outcome per item
   */
  public BatchOutcome callBatch(Composition function, List<FunctionRequest> items, BatchMode mode) {
    if (function.first().signature().takesWholeBatch()) {
      return WholeBatch.call(this, function, items, mode);
    }
    List<BatchOutcome.Item> outcomes = new ArrayList<>(items.size());
    boolean stopped = false;
    for (FunctionRequest item : items) {
      if (stopped) {
        outcomes.add(new BatchOutcome.NotProcessed());
        continue;
      }
      try {
        outcomes.add(new BatchOutcome.Succeeded(call(function, item)));
      } catch (FunctionException e) {
        outcomes.add(new BatchOutcome.Failed(e));
        stopped = mode == BatchMode.ORDERED;
      }
    }
    return new BatchOutcome(outcomes);
  }

  ReactiveSupport reactive() {
    return reactive;
  }

  /** Runs the stages from {@code index} on, switching to asynchronous chaining when needed. */
  Object run(Composition function, int index, Object input, FunctionRequest request) {
    List<FunctionDefinition> stages = function.stages();
    Object current = input;
    for (int i = index; i < stages.size(); i++) {
      FunctionDefinition stage = stages.get(i);
      if (i > index) {
        current = bridge(stages.get(i - 1), stage, current, request);
      }
      Object output = settle(stage, invoke(stage, current));
      if (output instanceof Async async && i < stages.size() - 1) {
        int next = i + 1;
        CompletionStage<Object> chained =
            async
                .stage()
                .thenCompose(
                    value -> {
                      Object bridged = bridge(stage, stages.get(next), value, request);
                      Object rest = run(function, next, bridged, request);
                      return rest instanceof Async later
                          ? later.stage()
                          : CompletableFuture.completedFuture(rest);
                    });
        return new Async(chained);
      }
      current = output;
    }
    return current;
  }

  private static Object invoke(FunctionDefinition stage, Object input) {
    try {
      return stage.call(input);
    } catch (FunctionException e) {
      throw e;
    } catch (VirtualMachineError e) {
      if (e instanceof StackOverflowError) {
        throw FunctionException.functionFailed(stage.name(), e);
      }
      throw e;
    } catch (Throwable t) {
      throw FunctionException.functionFailed(stage.name(), t);
    }
  }

  /** Turns a declared CompletionStage, Mono or Flux output into an {@link Async}. */
  @SuppressWarnings("unchecked")
  private Object settle(FunctionDefinition stage, Object output) {
    Shape shape = stage.signature().outputShape();
    if (shape == Shape.PLAIN || output == null) {
      return output;
    }
    CompletionStage<Object> stageResult;
    try {
      stageResult =
          shape == Shape.COMPLETION_STAGE
              ? (CompletionStage<Object>) output
              : reactive.toStage(output);
    } catch (RuntimeException e) {
      throw FunctionException.functionFailed(stage.name(), e);
    }
    return new Async(
        stageResult.handle(
            (value, error) -> {
              if (error != null) {
                throw failure(stage, error);
              }
              return value;
            }));
  }

  private static FunctionException failure(FunctionDefinition stage, Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause instanceof FunctionException known
        ? known
        : FunctionException.functionFailed(stage.name(), cause);
  }

  private static Object join(
      FunctionDefinition last, CompletionStage<Object> stage, InvocationContext context) {
    CompletableFuture<Object> future = stage.toCompletableFuture();
    try {
      Optional<Duration> remaining = context.remainingTime();
      if (remaining.isEmpty()) {
        return future.join();
      }
      return future.get(remaining.get().toNanos(), TimeUnit.NANOSECONDS);
    } catch (CompletionException | CancellationException | ExecutionException e) {
      throw failure(last, e);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw FunctionException.functionFailed(
          last.name(), new TimeoutException("the result did not complete before the deadline"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw FunctionException.functionFailed(last.name(), e);
    }
  }

  /** Passes one stage's output to the next stage's input, converting only when needed. */
  private Object bridge(
      FunctionDefinition from, FunctionDefinition to, Object output, FunctionRequest request) {
    Object payload = output;
    Headers headers = Headers.empty();
    if (output instanceof Message<?> message) {
      payload = message.payload();
      headers = message.headers();
    } else if (output instanceof HttpReply<?> reply) {
      payload = reply.body().orElse(null);
      headers = reply.headers();
    }
    Signature next = to.signature();
    if (payload != null
        && (next.inputShape() == Shape.PLAIN || next.inputShape() == Shape.MONO)
        && fits(next.input(), payload)) {
      Object value =
          next.inputMessage()
              ? Message.of(payload, headers, request.context().withFunctionName(to.name()))
              : payload;
      return next.inputShape() == Shape.MONO ? reactive.mono(value) : value;
    }
    FunctionResult encoded = OutputEncoder.body(from.name(), payload);
    FunctionRequest inner =
        new FunctionRequest(encoded.payload(), headers.without("Content-Type"), request.context());
    return InputDecoder.decode(to, inner, reactive);
  }

  private static boolean fits(DataType type, Object value) {
    return switch (type.kind()) {
      case TEXT -> value instanceof String;
      case BYTES -> value instanceof byte[];
      case JSON -> type.type() instanceof Class<?> c && c.isInstance(value);
      default -> false;
    };
  }
}
