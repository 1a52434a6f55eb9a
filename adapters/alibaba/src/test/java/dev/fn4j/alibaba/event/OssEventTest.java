package dev.fn4j.alibaba.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OssEventTest {

  @Test
  void anObjectCreatedEventBindsEveryDocumentedMember() {
    // when
    OssEvent event = EventFiles.bind("oss/object-created.json", OssEvent.class);

    // then
    assertThat(event.events()).hasSize(1);
    OssEvent.Event upload = event.events().get(0);
    assertThat(upload.eventName()).isEqualTo("ObjectCreated:PutObject");
    assertThat(upload.eventSource()).isEqualTo("acs:oss");
    assertThat(upload.eventTime()).isEqualTo("2025-03-14T09:26:53.000Z");
    assertThat(upload.eventVersion()).isEqualTo("1.0");
    assertThat(upload.region()).isEqualTo("cn-shenzhen");
    assertThat(upload.oss().bucket())
        .isEqualTo(
            new OssEvent.Bucket(
                "acs:oss:cn-shenzhen:1357924680135792:fn4j-uploads",
                "fn4j-uploads",
                "1357924680135792",
                ""));
    assertThat(upload.oss().object())
        .isEqualTo(
            new OssEvent.ObjectInfo(
                48213L,
                "5F3C9A0E7B21D48C96AF0B1E2D3C4B5A",
                "incoming/report-2025-03.pdf",
                new OssEvent.ObjectMeta("application/pdf", Map.of("x-oss-meta-uploaded-by", "ada")),
                48213L));
    assertThat(upload.oss().ossSchemaVersion()).isEqualTo("1.0");
    assertThat(upload.oss().ruleId()).isEqualTo("0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c");
    assertThat(upload.requestParameters().sourceIPAddress()).isEqualTo("203.0.113.24");
    assertThat(upload.responseElements().requestId()).isEqualTo("67D3F5AD1C0E4B2A9F8E7D6C");
    assertThat(upload.userIdentity().principalId()).isEqualTo("1357924680135792");
  }

  @Test
  void writtenBackItIsTheEventAsSent() {
    // given
    OssEvent event = EventFiles.bind("oss/object-created.json", OssEvent.class);

    // when / then: member names such as eTag and sourceIPAddress survive the round trip
    assertThat(EventFiles.written(event)).isEqualTo(EventFiles.tree("oss/object-created.json"));
  }

  @Test
  void unknownMembersAreIgnoredAndAbsentOnesAreNull() {
    // when
    OssEvent event =
        EventFiles.bind("oss/object-removed-with-unknown-members.json", OssEvent.class);

    // then
    OssEvent.Event removal = event.events().get(0);
    assertThat(removal.eventName()).isEqualTo("ObjectRemoved:DeleteObject");
    assertThat(removal.oss().bucket().virtualBucket()).isNull();
    assertThat(removal.oss().object().deltaSize()).isEqualTo(-48213L);
    assertThat(removal.oss().object().size()).isNull();
    assertThat(removal.oss().object().objectMeta()).isNull();
  }

  @Test
  void listsAndMapsAreNeverNullAndCannotBeChanged() {
    // given
    OssEvent empty = new OssEvent(null);
    OssEvent.ObjectMeta meta = new OssEvent.ObjectMeta("text/plain", null);
    OssEvent event = EventFiles.bind("oss/object-created.json", OssEvent.class);

    // then
    assertThat(empty.events()).isEmpty();
    assertThat(meta.userMeta()).isEmpty();
    List<OssEvent.Event> events = event.events();
    assertThatThrownBy(() -> events.add(events.get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
