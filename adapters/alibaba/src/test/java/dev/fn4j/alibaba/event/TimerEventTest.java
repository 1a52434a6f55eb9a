package dev.fn4j.alibaba.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimerEventTest {

  @Test
  void aTimerEventBindsWithItsPayloadAsText() {
    // when
    TimerEvent event = EventFiles.bind("timer/nightly-report.json", TimerEvent.class);

    // then
    assertThat(event)
        .isEqualTo(
            new TimerEvent(
                "2025-01-31T18:00:00Z", "nightly-report", "{\"report\":\"sales\",\"days\":7}"));
    assertThat(EventFiles.written(event)).isEqualTo(EventFiles.tree("timer/nightly-report.json"));
  }

  @Test
  void anEmptyPayloadStaysEmpty() {
    // when
    TimerEvent event = EventFiles.bind("timer/without-payload.json", TimerEvent.class);

    // then
    assertThat(event.triggerName()).isEqualTo("heartbeat");
    assertThat(event.payload()).isEmpty();
  }
}
