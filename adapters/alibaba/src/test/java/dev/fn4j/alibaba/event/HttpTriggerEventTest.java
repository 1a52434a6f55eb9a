package dev.fn4j.alibaba.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpTriggerEventTest {

  @Test
  void aGetEventBindsItsRequestAndContext() {
    // when
    HttpTriggerEvent event =
        EventFiles.bind("http-trigger/get-with-query.json", HttpTriggerEvent.class);

    // then
    assertThat(event.version()).isEqualTo("v1");
    assertThat(event.rawPath()).isEqualTo("/inspect/orders");
    assertThat(event.headers())
        .containsEntry("Accept", "application/json")
        .containsEntry("X-Forwarded-For", "198.51.100.7, 10.0.0.1");
    assertThat(event.queryParameters()).isEqualTo(Map.of("status", "open", "tag", "a,b"));
    assertThat(event.body()).isEmpty();
    assertThat(event.isBase64Encoded()).isFalse();
    HttpTriggerEvent.RequestContext context = event.requestContext();
    assertThat(context.accountId()).isEqualTo("9988776655443322");
    assertThat(context.domainName()).isEqualTo("inspect-abcdefghij.cn-shanghai.fcapp.run");
    assertThat(context.domainPrefix()).isEqualTo("inspect-abcdefghij");
    assertThat(context.requestId()).isEqualTo("1-67a1b2c3-4d5e6f70-8192a3b4c5d6");
    assertThat(context.time()).isEqualTo("2025-02-04T07:45:10Z");
    assertThat(context.timeEpoch()).isEqualTo("1738655110123");
    assertThat(context.http())
        .isEqualTo(
            new HttpTriggerEvent.Http(
                "GET", "/inspect/orders", "HTTP/1.1", "198.51.100.7", "curl/8.5.0"));
    assertThat(EventFiles.written(event))
        .isEqualTo(EventFiles.tree("http-trigger/get-with-query.json"));
  }

  @Test
  void aBinaryBodyIsBase64AndANumericTimeEpochIsKeptAsItsDigits() {
    // when
    HttpTriggerEvent event =
        EventFiles.bind("http-trigger/binary-post.json", HttpTriggerEvent.class);

    // then
    assertThat(event.isBase64Encoded()).isTrue();
    assertThat(Base64.getDecoder().decode(event.body())).containsExactly(0, 1, 2, 3, -2, -1);
    assertThat(event.queryParameters()).isEmpty();
    assertThat(event.requestContext().timeEpoch()).isEqualTo("1738655160000");
  }

  @Test
  void anAbsentFlagIsFalseAndAbsentMapsAreEmpty() {
    // when
    HttpTriggerEvent event = EventFiles.bind("http-trigger/minimal.json", HttpTriggerEvent.class);

    // then
    assertThat(event.isBase64Encoded()).isFalse();
    assertThat(event.headers()).isEmpty();
    assertThat(event.queryParameters()).isEmpty();
  }
}
