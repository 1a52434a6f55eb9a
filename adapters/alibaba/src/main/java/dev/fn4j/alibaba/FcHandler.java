package dev.fn4j.alibaba;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.FunctionInitializer;
import com.aliyun.fc.runtime.PreFreezeHandler;
import com.aliyun.fc.runtime.PreStopHandler;
import com.aliyun.fc.runtime.StreamRequestHandler;
import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.dispatch.FunctionException;
import dev.fn4j.core.http.HttpExchanges;
import dev.fn4j.function.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;

/**
 * The entry class for Function Compute's built-in Java runtimes: handler {@code
 * dev.fn4j.alibaba.FcHandler::handleRequest}, initializer {@code
 * dev.fn4j.alibaba.FcHandler::initialize}, lifecycle hooks {@code
 * dev.fn4j.alibaba.FcHandler::preFreeze} and {@code dev.fn4j.alibaba.FcHandler::preStop}.
 *
 * <p>FC's built-in Java runtimes are Java 8 and Java 11 today, too old for fn4j's Java 17 classes:
 * this class is for an FC runtime that runs Java 17 or newer. The primary way to run fn4j on FC is
 * the custom runtime or a custom container, through the launcher ({@link FcPlatform}).
 *
 * <p>Each event is handled as the custom runtime handles {@code /invoke}: recognised, routed and
 * decoded by the function's declared type ({@link FcEventInvoker}); an FC 3.0 HTTP trigger event is
 * answered with an HTTP response document. Events are read up to {@code FN4J_MAX_BODY_BYTES} (32
 * MiB by default). The function sees the {@code fc.*} context attributes the runtime's {@link
 * Context} provides; the role's credentials only through {@code
 * context.unwrap(FcCredentials.class)}, and the FC context itself through {@code
 * context.unwrap(com.aliyun.fc.runtime.Context.class)}.
 *
 * <p>A failed invocation throws an {@link InvocationFailedException}, which FC reports as the
 * invocation's error: its message names the function and the phase, and it has no cause and no
 * stack trace, so neither user data nor secrets reach FC's error report or log. A start-up failure
 * is reported the same way on every call.
 */
public final class FcHandler
    implements StreamRequestHandler, FunctionInitializer, PreFreezeHandler, PreStopHandler {

  private static final System.Logger LOG = dev.fn4j.core.logging.LazyLogger.of("dev.fn4j.alibaba");

  /** Loaded once per process, from this class's own class loader; a failure is kept. */
  private static final class Shared {
    private static final Object RUNTIME = load();

    private static Object load() {
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      thread.setContextClassLoader(FcHandler.class.getClassLoader());
      try {
        return FunctionRuntime.shared();
      } catch (RuntimeException e) {
        return e;
      } finally {
        thread.setContextClassLoader(previous);
      }
    }
  }

  private final FunctionRuntime runtime;
  private final FcEventInvoker events;
  private final int maxBodyBytes;
  private final String startupFailure;

  /**
   * Creates the handler, as FC's runtime does, on the process's shared runtime (the application's
   * functions, loaded once, with their init hooks run).
   */
  public FcHandler() {
    this(Shared.RUNTIME);
  }

  FcHandler(FunctionRuntime runtime) {
    this((Object) runtime);
  }

  private FcHandler(Object shared) {
    FunctionRuntime ready = null;
    FcEventInvoker invoker = null;
    int limit = 0;
    String failure = null;
    if (shared instanceof FunctionRuntime loaded) {
      try {
        limit =
            loaded.environment().intValue("FN4J_MAX_BODY_BYTES", FcPlatform.DEFAULT_MAX_BODY_BYTES);
        invoker = new FcEventInvoker(loaded);
        ready = loaded;
      } catch (IllegalArgumentException e) {
        failure = "fn4j could not start: " + e.getMessage();
      }
    } else {
      failure = ((RuntimeException) shared).getMessage();
    }
    this.runtime = ready;
    this.events = invoker;
    this.maxBodyBytes = limit;
    this.startupFailure = failure;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    checkStarted();
    String requestId = FcHandlerContext.requestId(context);
    FcOutcome outcome;
    try {
      byte[] event = HttpExchanges.readBody(input, null, maxBodyBytes, "the event");
      outcome =
          events.invoke(
              event,
              Headers.empty(),
              FcHandlerContext.of(context, requestId, runtime.environment()));
    } catch (FunctionException e) {
      outcome = FcOutcome.failed(e);
    }
    if (!outcome.succeeded()) {
      FunctionException failure = outcome.failure();
      LOG.log(
          failure.isUserFailure() ? Level.WARNING : Level.INFO,
          "[" + requestId + "] event failed: " + failure.toLogLine());
      throw new InvocationFailedException(failure.getMessage(), failure.phase().name());
    }
    output.write(outcome.body());
    output.flush();
  }

  /**
   * FC's initializer: the functions were loaded and their init hooks run when this handler was
   * created, so there is nothing left to do but report a start-up failure.
   *
   * @param context the runtime's context
   * @throws InvocationFailedException when the application could not start
   */
  @Override
  public void initialize(Context context) {
    checkStarted();
    LOG.log(
        Level.INFO,
        "fn4j on Function Compute (built-in runtime): "
            + runtime.catalog().size()
            + " function(s)");
  }

  /**
   * Runs the functions' pre-freeze hooks.
   *
   * @param context the runtime's context
   * @throws InvocationFailedException when a hook failed (each failure is logged on one line)
   */
  @Override
  public void preFreeze(Context context) {
    if (runtime != null) {
      hooks("PRE_FREEZE", runtime.lifecycle().preFreeze());
    }
  }

  /**
   * Runs the functions' pre-stop hooks, once.
   *
   * @param context the runtime's context
   * @throws InvocationFailedException when a hook failed (each failure is logged on one line)
   */
  @Override
  public void preStop(Context context) {
    if (runtime != null) {
      hooks("PRE_STOP", runtime.lifecycle().preStop());
    }
  }

  private static void hooks(String point, int failures) {
    if (failures > 0) {
      throw new InvocationFailedException(
          failures + " " + point + " lifecycle hook(s) failed", point);
    }
  }

  private void checkStarted() {
    if (events == null) {
      throw new InvocationFailedException(startupFailure, "STARTUP");
    }
  }

  /**
   * A failed invocation, start-up or lifecycle hook, in the form FC's runtime reports: a message
   * that names the function and the phase, no cause and no stack trace.
   */
  public static final class InvocationFailedException
      extends dev.fn4j.core.dispatch.InvocationFailure {

    private static final long serialVersionUID = 1L;

    InvocationFailedException(String message, String phase) {
      super(message, phase);
    }
  }
}
