package dev.fn4j.core.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.lang.System.Logger.Level;

/**
 * The last line of defence around a handler: anything it lets escape becomes a 500 problem (when
 * nothing was sent yet) and a one-line log entry, never a stack trace; the exchange is always
 * closed.
 */
final class GuardedHandler implements HttpHandler {

  private static final System.Logger LOG = System.getLogger("dev.fn4j.http");

  private final HttpHandler delegate;

  GuardedHandler(HttpHandler delegate) {
    this.delegate = delegate;
  }

  @Override
  public void handle(HttpExchange exchange) {
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
