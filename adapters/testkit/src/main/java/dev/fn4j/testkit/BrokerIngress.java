package dev.fn4j.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The HTTP side of {@link KnativeBrokerFake}'s ingress: answers each POST, and keeps the accepted
 * events, the rejected requests, the request count and the queued answers. Thread-safe: one lock
 * guards the state, and every change wakes the waiting {@link #await}.
 */
final class BrokerIngress implements HttpHandler {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  // Guarded by lock.
  private final List<CloudEventMessage> received = new ArrayList<>();
  private final List<String> rejected = new ArrayList<>();
  private final Deque<Scripted> script = new ArrayDeque<>();
  private int requests;

  /** A queued answer: a status, and the seconds for {@code Retry-After} (-1: no header). */
  record Scripted(int status, long retryAfterSeconds) {}

  void queue(Scripted answer) {
    update(() -> script.addLast(answer));
  }

  List<CloudEventMessage> received() {
    return locked(() -> List.copyOf(received));
  }

  List<String> rejected() {
    return locked(() -> List.copyOf(rejected));
  }

  int requests() {
    return locked(() -> requests);
  }

  void clear() {
    update(
        () -> {
          received.clear();
          rejected.clear();
          script.clear();
          requests = 0;
        });
  }

  /**
   * Waits until at least a number of events were accepted.
   *
   * @param count how many
   * @param timeout how long at most
   * @param where the ingress address, for the message
   * @return every event accepted so far
   * @throws AssertionError when fewer arrive in time, listing what did arrive
   */
  List<CloudEventMessage> await(int count, Duration timeout, Object where) {
    long end = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (received.size() < count) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(
              "Expected "
                  + count
                  + " CloudEvents at "
                  + where
                  + " within "
                  + timeout
                  + ", got "
                  + received.size()
                  + ": "
                  + received
                  + "; rejected: "
                  + rejected
                  + "; "
                  + requests
                  + " requests in all");
        }
        changed.awaitNanos(left);
      }
      return List.copyOf(received);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for events at " + where, e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Describes the counts for {@code toString}.
   *
   * @return for example {@code 2 received, 1 rejected}
   */
  String summary() {
    return locked(() -> received.size() + " received, " + rejected.size() + " rejected");
  }

  @Override
  public void handle(HttpExchange exchange) {
    try (exchange) {
      update(() -> requests++);
      byte[] body = exchange.getRequestBody().readAllBytes();
      String request = exchange.getRequestMethod() + " " + exchange.getRequestURI();
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.getResponseHeaders().set("Allow", "POST");
        reject(exchange, request, 405, "Only POST is allowed");
        return;
      }
      List<CloudEventMessage> events;
      try {
        events = CloudEventReader.read(headers(exchange), body);
      } catch (CloudEventReader.Unreadable e) {
        reject(exchange, request, e.status, e.getMessage());
        return;
      }
      Scripted answer =
          locked(
              () -> {
                Scripted next = script.isEmpty() ? new Scripted(202, -1) : script.removeFirst();
                if (next.status() >= 200 && next.status() <= 299) {
                  received.addAll(events);
                }
                return next;
              });
      if (answer.retryAfterSeconds() >= 0) {
        exchange.getResponseHeaders().set("Retry-After", Long.toString(answer.retryAfterSeconds()));
      }
      send(exchange, answer.status(), new byte[0]);
    } catch (IOException | RuntimeException e) {
      // The client went away, or the answer failed half-way: nothing to record.
    }
  }

  private void reject(HttpExchange exchange, String request, int status, String reason)
      throws IOException {
    update(() -> rejected.add(request + " -> " + status + " " + reason));
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    send(exchange, status, reason.getBytes(StandardCharsets.UTF_8));
  }

  /** Answers with a Content-Length, never chunked; a HEAD request gets no body. */
  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, body.length == 0 || head ? -1 : body.length);
    if (body.length > 0 && !head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static Map<String, List<String>> headers(HttpExchange exchange) {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    exchange.getRequestHeaders().forEach((name, values) -> copy.put(name, List.copyOf(values)));
    return Collections.unmodifiableMap(copy);
  }

  private <T> T locked(Supplier<T> action) {
    lock.lock();
    try {
      T result = action.get();
      changed.signalAll();
      return result;
    } finally {
      lock.unlock();
    }
  }

  private void update(Runnable action) {
    locked(
        () -> {
          action.run();
          return null;
        });
  }
}
