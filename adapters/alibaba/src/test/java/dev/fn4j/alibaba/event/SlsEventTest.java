package dev.fn4j.alibaba.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SlsEventTest {

  @Test
  void anSlsEventBindsItsSourceAndParameter() {
    // when
    SlsEvent event = EventFiles.bind("sls/shard-ready.json", SlsEvent.class);

    // then
    assertThat(event.source())
        .isEqualTo(
            new SlsEvent.Source(
                "http://cn-beijing-intranet.log.aliyuncs.com",
                "shop-logs",
                "nginx-access",
                3,
                "MTczODY1MDAwMDAwMDAwMDAwMQ==",
                "MTczODY1MDAwMDAwMDAwMDA5OQ=="));
    assertThat(event.jobName()).isEqualTo("a3f1c2e4d5b6978800112233445566778899aabb");
    assertThat(event.taskId()).isEqualTo("3e2d1c0b-a987-4654-b321-0fedcba98765");
    assertThat(event.cursorTime()).isEqualTo(1738650000L);
    assertThat(event.parameter())
        .containsEntry("target", "warehouse")
        .containsEntry("batch", 500)
        .containsEntry("tags", List.of("nginx", "access"));
    assertThat(EventFiles.written(event)).isEqualTo(EventFiles.tree("sls/shard-ready.json"));
  }

  @Test
  void anAbsentParameterIsEmpty() {
    // when
    SlsEvent event = new SlsEvent(null, null, "job", "task", null);

    // then
    assertThat(event.parameter()).isEmpty();
  }
}
