package dev.fn4j.conformance;

import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.http.EmbeddedHttpServer;
import dev.fn4j.knative.KnativePlatform;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * {@value #NAME}: the Knative adapter's server ({@link KnativePlatform#start}) on a free loopback
 * port, sent each call as a binary-mode CloudEvent (HTTP protocol binding 1.0) the way a Knative
 * Trigger delivers one: always {@code POST} (a supplier's call becomes an event without data), the
 * attributes as {@code ce-} headers with type {@value #TYPE}, the body as the event's data, routed
 * by the path {@code /<name>} (a Trigger's subscriber URI naming the function).
 *
 * <p>The outcome is the reply as Knative reads it: 200 with the reply event's data and its {@code
 * datacontenttype}, 202 without a body when the function returned nothing (Knative's "accepted, no
 * reply"), and a failure's status and problem body. A 2xx answer with a body that is not a
 * binary-mode event fails the call with a {@link PathFailure}.
 */
final class KnativeCloudEventPath extends StartedPath<EmbeddedHttpServer> {

  static final String NAME = "knative-cloudevent";

  /** The type of the events sent. */
  static final String TYPE = "dev.fn4j.call";

  /** The source of the events sent. */
  static final String SOURCE = "/fn4j/conformance";

  private static final AtomicLong IDS = new AtomicLong();

  KnativeCloudEventPath(Supplier<FunctionRuntime> runtime) {
    super(NAME, runtime);
  }

  @Override
  EmbeddedHttpServer start(FunctionRuntime shared) throws IOException {
    return KnativePlatform.start(ServerRuntimes.onLoopback(shared));
  }

  @Override
  Outcome call(EmbeddedHttpServer server, Call call) {
    Map<String, List<String>> headers = new LinkedHashMap<>(call.allHeaders());
    headers.put("ce-specversion", List.of("1.0"));
    headers.put("ce-id", List.of("conformance-" + IDS.incrementAndGet()));
    headers.put("ce-source", List.of(SOURCE));
    headers.put("ce-type", List.of(TYPE));
    HttpResponse<byte[]> response =
        LoopbackHttp.send(
            NAME,
            LoopbackHttp.root(server.port()).resolve(call.rawPath()),
            "POST",
            headers,
            call.body());
    int status = response.statusCode();
    if (status / 100 == 2 && response.body().length > 0) {
      List<String> missing = new ArrayList<>();
      for (String attribute : List.of("ce-specversion", "ce-id", "ce-source", "ce-type")) {
        if (response.headers().firstValue(attribute).isEmpty()) {
          missing.add(attribute);
        }
      }
      if (!missing.isEmpty()) {
        throw new PathFailure(
            NAME,
            "the " + status + " answer to " + call + " is not a binary-mode event: no " + missing,
            null);
      }
    }
    return LoopbackHttp.outcome(response);
  }
}
