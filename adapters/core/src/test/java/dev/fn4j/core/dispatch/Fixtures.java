package dev.fn4j.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.fn4j.core.catalog.Composition;
import dev.fn4j.core.catalog.FunctionCatalog;
import dev.fn4j.core.convert.Payload;
import dev.fn4j.function.FunctionRegistrar;
import dev.fn4j.function.Headers;
import dev.fn4j.function.InvocationContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Requests, catalogs and failure helpers shared by the dispatch tests. */
final class Fixtures {

  /** The context every request carries unless a test builds its own. */
  static final InvocationContext CONTEXT =
      InvocationContext.builder().requestId("req-1").platform("test").build();

  private Fixtures() {}

  /** Resolves a definition against a catalog built by the registrar. */
  static Composition compose(FunctionRegistrar registrar, String definition) {
    return Composition.resolve(FunctionCatalog.of(registrar), definition);
  }

  /** A composition of one function object registered under a name. */
  static Composition single(String name, Object function) {
    return compose(registry -> registry.add(name, function), name);
  }

  /** A request with a body and a content type (null for none). */
  static FunctionRequest request(Payload payload, String contentType) {
    Headers headers =
        contentType == null ? Headers.empty() : Headers.empty().with("Content-Type", contentType);
    return new FunctionRequest(payload, headers, CONTEXT);
  }

  /** A request with raw bytes and a content type (null for none). */
  static FunctionRequest bytes(byte[] body, String contentType) {
    return request(Payload.ofBytes(body), contentType);
  }

  /** A JSON request, as bytes (an HTTP body). */
  static FunctionRequest json(String body) {
    return bytes(body.getBytes(StandardCharsets.UTF_8), "application/json");
  }

  /** A text request, as text (a string field of an event envelope). */
  static FunctionRequest text(String body) {
    return request(Payload.ofText(body), "text/plain");
  }

  /** A request with no body and no content type. */
  static FunctionRequest empty() {
    return request(Payload.EMPTY, null);
  }

  /** One JSON request per body, as a batch trigger delivers them. */
  static List<FunctionRequest> jsonItems(String... bodies) {
    return java.util.Arrays.stream(bodies).map(Fixtures::json).toList();
  }

  /** One text request per body. */
  static List<FunctionRequest> textItems(String... bodies) {
    return java.util.Arrays.stream(bodies).map(Fixtures::text).toList();
  }

  /** Reads a payload as UTF-8 text. */
  static String utf8(Payload payload) {
    return payload.asText(StandardCharsets.UTF_8);
  }

  /** Runs code that must throw a {@link FunctionException}, and returns it. */
  static FunctionException failureOf(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(FunctionException.class);
    return (FunctionException) thrown;
  }

  /** Waits for a stage that must fail, and returns the {@link FunctionException} it failed with. */
  static FunctionException failureOf(CompletionStage<?> stage) {
    try {
      Object value = stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
      throw new AssertionError("expected the stage to fail, but it completed with " + value);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(FunctionException.class);
      return (FunctionException) e.getCause();
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("the stage did not complete", e);
    }
  }

  /** Waits for a stage that must succeed. */
  static <T> T valueOf(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("expected the stage to succeed", e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("the stage did not complete", e);
    }
  }

  /** Returns the failure of a batch item that must have failed. */
  static FunctionException failureAt(BatchOutcome outcome, int index) {
    BatchOutcome.Item item = outcome.items().get(index);
    assertThat(item).isInstanceOf(BatchOutcome.Failed.class);
    return ((BatchOutcome.Failed) item).failure();
  }

  /** Returns the result of a batch item that must have succeeded. */
  static FunctionResult resultAt(BatchOutcome outcome, int index) {
    BatchOutcome.Item item = outcome.items().get(index);
    assertThat(item).isInstanceOf(BatchOutcome.Succeeded.class);
    return ((BatchOutcome.Succeeded) item).result();
  }
}
