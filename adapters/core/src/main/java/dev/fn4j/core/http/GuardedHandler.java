package dev.fn4j.core.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The last line of defence around a handler: anything it lets escape becomes a 500 problem (when
 * nothing was sent yet) and a one-line log entry, never a stack trace; the exchange is always
 * closed. It also counts requests in flight, so that a stop can drain them, and answers 503 once
 * draining has begun.
 */
final class GuardedHandler implements HttpHandler {

  private static final System.Logger LOG = dev.fn4j.core.logging.LazyLogger.of("dev.fn4j.http");

  private final HttpHandler delegate;
  private final Object lock = new Object();
  private int inFlight;
  private boolean draining;

  GuardedHandler(HttpHandler delegate) {
    this.delegate = delegate;
  }

  /** Refuses new requests from now on. */
  void startDraining() {
    synchronized (lock) {
      draining = true;
    }
  }

  /**
   * Waits until no request is in flight.
   *
   * @param wait the longest wait
   * @return true when idle, false when the wait ran out
   */
  boolean awaitIdle(Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    synchronized (lock) {
      while (inFlight > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
      return true;
    }
  }

  private boolean enter() {
    synchronized (lock) {
      if (draining) {
        return false;
      }
      inFlight++;
      return true;
    }
  }

  private void leave() {
    synchronized (lock) {
      inFlight--;
      lock.notifyAll();
    }
  }

  @Override
  public void handle(HttpExchange exchange) {
    if (!enter()) {
      refuse(exchange);
      return;
    }
    try {
      serve(exchange);
    } finally {
      leave();
    }
  }

  private static void refuse(HttpExchange exchange) {
    try (exchange) {
      exchange.getResponseHeaders().set("Connection", "close");
      exchange.getResponseHeaders().set("Retry-After", "1");
      HttpExchanges.sendProblem(
          exchange,
          new Problem(503, "Unavailable", "the server is shutting down", null, null, null));
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.DEBUG, () -> "Refusing a request during shutdown failed: " + e);
    }
  }

  private void serve(HttpExchange exchange) {
    try (exchange) {
      delegate.handle(exchange);
    } catch (IOException e) {
      LOG.log(Level.DEBUG, () -> "Connection problem: " + e);
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      LOG.log(
          Level.ERROR,
          "Unexpected failure handling "
              + exchange.getRequestMethod()
              + " "
              + exchange.getRequestURI().getRawPath()
              + ": "
              + e.getClass().getName());
      if (exchange.getResponseCode() == -1) {
        try {
          HttpExchanges.sendProblem(
              exchange,
              new Problem(
                  500, "Internal error", "the request could not be handled", null, null, null));
        } catch (IOException | RuntimeException ignored) {
          // The client went away; nothing more to tell it.
        }
      }
    }
  }
}
