package dev.fn4j.testkit;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The one JDK HTTP client of the platform fakes (the Knative broker's deliveries, the FC and Azure
 * hosts), made at the first request: HTTP/1.1, as the hosts speak it, no redirects followed.
 */
final class HostClient {

  static final HttpClient INSTANCE =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private HostClient() {}
}
