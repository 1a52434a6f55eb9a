package dev.fn4j.knative.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.catalog.FunctionCatalog;
import dev.fn4j.core.http.EmbeddedHttpServer;
import dev.fn4j.core.platform.Environment;
import dev.fn4j.function.FunctionRegistrar;
import dev.fn4j.knative.KnativePlatform;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.jackson.JsonFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Knative adapter server on a free loopback port, and a client that speaks to it only through the
 * CloudEvents Java SDK: the SDK's HTTP message writer builds every request (binary or structured),
 * its message reader and {@link JsonFormat} read every reply. A batch is a JSON array of events
 * that {@link JsonFormat} serialised one by one, since the SDK has no batch writer.
 */
final class SdkClient implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final EmbeddedHttpServer server;

  private SdkClient(EmbeddedHttpServer server) {
    this.server = server;
  }

  /**
   * Starts the adapter over the functions, on a free port, as service {@code svc}.
   *
   * @param functions registers the functions
   * @param environment more variables, such as {@code FN4J_ROUTING_TYPES}
   * @return the running server with its client
   */
  static SdkClient start(FunctionRegistrar functions, Map<String, String> environment) {
    Map<String, String> variables = new HashMap<>(environment);
    variables.put("PORT", "0");
    variables.put("FN4J_HTTP_HOST", "127.0.0.1");
    variables.put("K_SERVICE", "svc");
    FunctionRuntime runtime =
        FunctionRuntime.of(Environment.of(variables), FunctionCatalog.of(functions));
    try {
      return new SdkClient(KnativePlatform.start(runtime));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }

  /** Sends an event in binary mode, with extra HTTP headers given as name, value, ... */
  Reply binary(String path, CloudEvent event, String... httpHeaders) {
    HttpRequest.Builder request = request(path, httpHeaders);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    HttpMessageFactory.createWriter(request::header, bytes -> write(body, bytes))
        .writeBinary(event);
    return send(request, body.toByteArray());
  }

  /** Sends an event in structured mode, in the given JSON format. */
  Reply structured(String path, CloudEvent event, EventFormat format) {
    HttpRequest.Builder request = request(path);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    HttpMessageFactory.createWriter(request::header, bytes -> write(body, bytes))
        .writeStructured(event, format);
    return send(request, body.toByteArray());
  }

  /** Sends an event in structured mode, in the SDK's default JSON format. */
  Reply structured(String path, CloudEvent event) {
    return structured(path, event, new JsonFormat());
  }

  /** Sends events as one {@code application/cloudevents-batch+json} array. */
  Reply batch(String path, List<CloudEvent> events) {
    JsonFormat format = new JsonFormat();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write('[');
    for (int i = 0; i < events.size(); i++) {
      if (i > 0) {
        body.write(',');
      }
      write(body, format.serialize(events.get(i)));
    }
    body.write(']');
    return send(
        request(path, "Content-Type", "application/cloudevents-batch+json"), body.toByteArray());
  }

  private HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return request;
  }

  private static Reply send(HttpRequest.Builder request, byte[] body) {
    try {
      HttpResponse<byte[]> response =
          HTTP.send(
              request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      return new Reply(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void write(ByteArrayOutputStream out, byte[] bytes) {
    if (bytes != null) {
      out.write(bytes, 0, bytes.length);
    }
  }

  /** An HTTP response, read back with the SDK. */
  record Reply(int status, Map<String, List<String>> headers, byte[] body) {

    /** Returns the first value of a header, matched without regard to case. */
    Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(header -> header.getKey().equalsIgnoreCase(name))
          .flatMap(header -> header.getValue().stream())
          .findFirst();
    }

    /** Reads the reply as one event, binary or structured, with the SDK's message reader. */
    CloudEvent event() {
      return HttpMessageFactory.createReaderFromMultimap(headers, body).toEvent();
    }

    /** Reads a batch reply: each element of the JSON array deserialised by {@link JsonFormat}. */
    List<CloudEvent> batch() {
      JsonFormat format = new JsonFormat();
      List<CloudEvent> events = new ArrayList<>();
      for (JsonNode element : json()) {
        try {
          events.add(format.deserialize(JSON.writeValueAsBytes(element)));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return events;
    }

    /** Parses the body as JSON. */
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }
}
