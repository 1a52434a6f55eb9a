package dev.fn4j.conformance.process;

import dev.fn4j.testkit.AzureFunctionsHostFake;
import dev.fn4j.testkit.AzureHttpResponse;
import dev.fn4j.testkit.AzureReply;
import dev.fn4j.testkit.FcHostFake;
import dev.fn4j.testkit.FcReply;
import dev.fn4j.testkit.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An embedded server mode of the launcher, as a platform starts it and sends it requests: the
 * environment that makes {@code dev.fn4j.launcher.Main} pick it, the line it logs once it listens,
 * and a client that posts a text body to a function the way that platform's host does.
 */
enum ServerMode {

  /** The local runner, forced by {@code FN4J_PLATFORM=local}; plain HTTP. */
  LOCAL("local", "fn4j local runner") {
    @Override
    Map<String, String> environment(int port) {
      return Map.of("FN4J_PLATFORM", "local", "PORT", Integer.toString(port));
    }

    @Override
    Client client(int port, Duration timeout) {
      return plainHttp(port, timeout);
    }
  },

  /** Knative Serving, detected from {@code K_SERVICE}; plain HTTP without {@code ce-} headers. */
  KNATIVE("knative", "fn4j on Knative") {
    @Override
    Map<String, String> environment(int port) {
      return Map.of(
          "K_SERVICE", "conformance-drain",
          "K_REVISION", "conformance-drain-00001",
          "K_CONFIGURATION", "conformance-drain",
          "PORT", Integer.toString(port),
          "FN4J_HTTP_HOST", "127.0.0.1");
    }

    @Override
    Client client(int port, Duration timeout) {
      return plainHttp(port, timeout);
    }
  },

  /**
   * The FC custom runtime, detected from FC 3.0's variables ({@code FC_FUNCTION_NAME}, {@code
   * FC_REGION}, {@code FC_CUSTOM_LISTEN_PORT}, ...); each request as FC forwards an HTTP trigger's
   * request, by the testkit's {@link FcHostFake} aimed at the child's port.
   */
  FC("alibaba-custom-runtime", "fn4j on Function Compute") {
    @Override
    Map<String, String> environment(int port) {
      Map<String, String> environment = new HashMap<>(fc(port).environment(port));
      environment.put("FN4J_HTTP_HOST", "127.0.0.1");
      return environment;
    }

    @Override
    Client client(int port, Duration timeout) {
      FcHostFake fc = fc(port).withRequestTimeout(timeout);
      return (function, body) -> {
        FcReply reply =
            fc.http("POST", "/" + function, TEXT, body.getBytes(StandardCharsets.UTF_8));
        return new Answer(reply.status(), reply.text(), reply.violations());
      };
    }
  },

  /**
   * The Azure Functions custom handler, detected from {@code FUNCTIONS_CUSTOMHANDLER_PORT}; each
   * request as the Functions host invokes an HTTP trigger (route prefix {@code api}, output {@code
   * res}), by the testkit's {@link AzureFunctionsHostFake} aimed at the child's port. The answer is
   * the HTTP output, as the host gives it to the client; a non-2xx answer of the handler itself is
   * taken as it is.
   */
  AZURE("azure-custom-handler", "fn4j Azure Functions custom handler") {
    @Override
    Map<String, String> environment(int port) {
      return host(port).environment(port);
    }

    @Override
    Client client(int port, Duration timeout) {
      AzureFunctionsHostFake host = host(port).withRequestTimeout(timeout);
      return (function, body) -> {
        AzureReply reply =
            host.http(
                function, "POST", "/api/" + function, TEXT, body.getBytes(StandardCharsets.UTF_8));
        Optional<AzureHttpResponse> response =
            reply.status() / 100 == 2 ? reply.httpResponse() : Optional.empty();
        return response
            .map(res -> new Answer(res.statusCode(), res.bodyText(), reply.violations()))
            .orElseGet(() -> new Answer(reply.status(), reply.text(), reply.violations()));
      };
    }

    @Override
    void awaitReady(int port) {
      host(port).awaitReady(Duration.ofSeconds(10));
    }
  };

  private static final Map<String, List<String>> TEXT =
      Map.of("Content-Type", List.of("text/plain; charset=utf-8"));

  private final String label;
  private final String listening;

  ServerMode(String label, String listening) {
    this.label = label;
    this.listening = listening;
  }

  /**
   * Returns the name of the mode in reports, the name of its conformance path.
   *
   * @return for example {@code knative}
   */
  String label() {
    return label;
  }

  /**
   * Returns what the launcher logs once the mode's server listens; it names the platform chosen.
   *
   * @return for example {@code fn4j on Knative}
   */
  String listening() {
    return listening;
  }

  /**
   * Returns the environment with which the launcher picks this mode and listens on a port.
   *
   * @param port the port
   * @return the variables, all the child sees besides the locale
   */
  abstract Map<String, String> environment(int port);

  /**
   * Returns a client that sends requests the way this mode's platform does.
   *
   * @param port the child's port on loopback
   * @param timeout the longest wait for an answer
   * @return the client
   */
  abstract Client client(int port, Duration timeout);

  /**
   * Does what the platform does before it sends the first request; the Functions host probes the
   * handler.
   *
   * @param port the child's port
   */
  void awaitReady(int port) {}

  private static FcHostFake fc(int port) {
    return FcHostFake.forServer(Ports.loopback(port));
  }

  private static AzureFunctionsHostFake host(int port) {
    return AzureFunctionsHostFake.forHandler(Ports.loopback(port));
  }

  private static Client plainHttp(int port, Duration timeout) {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    return (function, body) -> {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(Ports.loopback(port) + "/" + function))
              .timeout(timeout)
              .header("Content-Type", "text/plain; charset=utf-8")
              .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
              .build();
      try {
        HttpResponse<String> response =
            http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body(), List.of());
      } catch (IOException e) {
        throw new UncheckedIOException("No answer from " + request.uri() + ": " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for " + request.uri(), e);
      }
    };
  }

  /** Sends one request and waits for its answer. */
  @FunctionalInterface
  interface Client {
    /**
     * Posts a text body to a function.
     *
     * @param function the function's name
     * @param body the text
     * @return the answer the platform's client gets
     * @throws UncheckedIOException when there is no answer: refused, closed, or timed out
     */
    Answer post(String function, String body);
  }

  /**
   * What a platform's client gets.
   *
   * @param status the HTTP status
   * @param body the body as text
   * @param violations where the answer breaks the platform's contract with the server (FC, Azure)
   */
  record Answer(int status, String body, List<String> violations) {}
}
