package dev.fn4j.core.platform;

import java.lang.System.Logger.Level;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;

/**
 * Waits for the platform to ask the process to stop: SIGTERM (Kubernetes, Knative, Cloud Run) or
 * SIGINT (Ctrl-C). The signals are taken over from the JVM, so that the server can drain its
 * requests in flight and the process can then end with status 0 instead of the JVM's 143.
 *
 * <p>Where the signals cannot be taken over (a JVM started with {@code -Xrs}, or without the {@code
 * jdk.unsupported} module), a shutdown hook stands in: the drain still runs, inside the JVM's own
 * shutdown, and the exit status is the JVM's.
 */
public final class ShutdownSignal {

  private static final System.Logger LOG = dev.fn4j.core.logging.LazyLogger.of("dev.fn4j.platform");

  private final CountDownLatch requested = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private final boolean ownsSignals;

  private ShutdownSignal(boolean ownsSignals) {
    this.ownsSignals = ownsSignals;
  }

  /**
   * Takes over SIGTERM and SIGINT (or registers a shutdown hook where SIGTERM cannot be taken).
   *
   * @return the signal to wait on
   */
  public static ShutdownSignal install() {
    ShutdownSignal signal = new ShutdownSignal(true);
    if (signal.handle("TERM")) {
      signal.handle("INT");
      return signal;
    }
    ShutdownSignal hooked = new ShutdownSignal(false);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  hooked.requested.countDown();
                  try {
                    hooked.finished.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                "fn4j-shutdown"));
    return hooked;
  }

  /**
   * Blocks until a stop is requested.
   *
   * @throws InterruptedException when the waiting thread is interrupted
   */
  public void await() throws InterruptedException {
    requested.await();
  }

  /**
   * Asks for a stop, as a signal would; for tests and for platforms that stop on their own terms.
   */
  public void request() {
    requested.countDown();
  }

  /**
   * Reports that the drain and the pre-stop hooks are done. When the signals were taken over, the
   * caller returns from its platform's {@code run} and the launcher ends the process with status 0;
   * with the shutdown-hook fallback this lets the JVM finish its shutdown.
   */
  public void finished() {
    finished.countDown();
  }

  /**
   * Tells whether SIGTERM and SIGINT were taken over from the JVM.
   *
   * @return false when the shutdown-hook fallback is in use
   */
  public boolean ownsSignals() {
    return ownsSignals;
  }

  /** Installs a handler through {@code sun.misc.Signal}, reflectively: it is not a public API. */
  private boolean handle(String name) {
    try {
      Class<?> signalClass = Class.forName("sun.misc.Signal");
      Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
      InvocationHandler onSignal =
          (Object proxy, Method method, Object[] args) -> {
            switch (method.getName()) {
              case "handle" -> {
                LOG.log(Level.INFO, "SIG" + name + " received: draining and stopping");
                requested.countDown();
                return null;
              }
              case "hashCode" -> {
                return System.identityHashCode(proxy);
              }
              case "equals" -> {
                return proxy == args[0];
              }
              case "toString" -> {
                return "fn4j SIG" + name + " handler";
              }
              default -> throw new UnsupportedOperationException(method.getName());
            }
          };
      Object handler =
          Proxy.newProxyInstance(
              ShutdownSignal.class.getClassLoader(), new Class<?>[] {handlerClass}, onSignal);
      Object signal = signalClass.getConstructor(String.class).newInstance(name);
      signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, signal, handler);
      return true;
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      LOG.log(Level.DEBUG, () -> "Cannot take over SIG" + name + ": " + e);
      return false;
    }
  }
}
