package dev.fn4j.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CronTest {

  @Test
  void each_platform_gets_its_own_spelling() {
    Cron weekdays = Cron.parse(" 0 6  * * 1-5 ");

    assertThat(weekdays.unix()).isEqualTo("0 6 * * 1-5");
    assertThat(weekdays.withSeconds()).isEqualTo("0 0 6 * * 1-5");
    assertThat(weekdays.aws()).isEqualTo("cron(0 6 ? * 2-6 *)");
  }

  @Test
  void eventbridge_gets_a_question_mark_in_one_day_field_only() {
    assertThat(Cron.parse("*/15 * * * *").aws()).isEqualTo("cron(*/15 * * * ? *)");
    assertThat(Cron.parse("0 0 1 * *").aws()).isEqualTo("cron(0 0 1 * ? *)");
    assertThat(Cron.parse("30 9 * * 0,6").aws()).isEqualTo("cron(30 9 ? * 1,7 *)");
    assertThat(Cron.parse("30 9 * * 7").aws()).isEqualTo("cron(30 9 ? * 1 *)");
    assertThat(Cron.parse("0 8 * * MON").aws()).isEqualTo("cron(0 8 ? * MON *)");
  }

  @Test
  void anything_but_five_valid_fields_is_refused_with_the_expected_form() {
    assertThatThrownBy(() -> Cron.parse("0 6 * *"))
        .hasMessageContaining("five-field Unix cron expression")
        .hasMessageContaining("'0 6 * *'");
    assertThatThrownBy(() -> Cron.parse("0 0 6 * * 1-5")).hasMessageContaining("five-field");
    assertThatThrownBy(() -> Cron.parse("0 6 * * 1;rm")).hasMessageContaining("not a cron field");
  }
}
