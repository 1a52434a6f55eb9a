package dev.fn4j.alibaba.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CdnEventTest {

  @Test
  void aLogFileCreatedEventBindsWithItsParameters() {
    // when
    CdnEvent event = EventFiles.bind("cdn/log-file-created.json", CdnEvent.class);

    // then
    CdnEvent.Event log = event.events().get(0);
    assertThat(log.eventName()).isEqualTo("LogFileCreated");
    assertThat(log.eventVersion()).isEqualTo("1.0.0");
    assertThat(log.eventSource()).isEqualTo("cdn");
    assertThat(log.region()).isEqualTo("cn-hangzhou");
    assertThat(log.eventTime()).isEqualTo("2025-02-20T16:05:00+08:00");
    assertThat(log.traceId()).isEqualTo("7a1c0d2e-5b4f-4e3a-9c8d-1f2e3d4c5b6a");
    assertThat(log.resource().domain()).isEqualTo("static.example.org");
    assertThat(log.userIdentity().aliUid()).isEqualTo("2468013579246801");
    assertThat(log.eventParameter())
        .containsEntry("domain", "static.example.org")
        .containsEntry("fileSize", 2097152)
        .containsEntry("startTime", 1740034800)
        .containsEntry("endTime", 1740038400)
        .containsKey("filePath");
  }

  @Test
  void aRefreshEventKeepsListsAndLargeNumbersInItsParameters() {
    // when
    CdnEvent event = EventFiles.bind("cdn/cached-objects-refreshed.json", CdnEvent.class);

    // then
    CdnEvent.Event refresh = event.events().get(0);
    assertThat(refresh.eventName()).isEqualTo("CachedObjectsRefreshed");
    assertThat(refresh.eventParameter())
        .containsEntry("objectPath", List.of("/css/site.css", "/js/app.js"))
        .containsEntry("taskId", 9876543210L)
        .containsEntry("objectType", "File");
    assertThat(EventFiles.written(event))
        .isEqualTo(EventFiles.tree("cdn/cached-objects-refreshed.json"));
  }
}
