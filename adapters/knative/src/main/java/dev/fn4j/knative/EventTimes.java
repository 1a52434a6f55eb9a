package dev.fn4j.knative;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The {@code time} of outgoing events, RFC 3339 in UTC with milliseconds, formatted by hand: {@code
 * Instant.toString()} goes through {@code DateTimeFormatter}, which costs tens of milliseconds of
 * set-up on the first reply and a few hundred nanoseconds on every one after. The date and time of
 * the current second are kept and only the milliseconds are appended per call.
 */
final class EventTimes {

  private record Second(long epochSecond, String text) {}

  private static volatile Second current = new Second(Long.MIN_VALUE, "");

  private EventTimes() {}

  /**
   * Returns the current time.
   *
   * @return for example {@code 2026-11-29T17:13:54.123Z}
   */
  static String now() {
    return format(System.currentTimeMillis());
  }

  static String format(long epochMillis) {
    long epochSecond = Math.floorDiv(epochMillis, 1000L);
    Second second = current;
    if (second.epochSecond() != epochSecond) {
      second = new Second(epochSecond, dateTime(epochSecond));
      current = second;
    }
    int millis = (int) Math.floorMod(epochMillis, 1000L);
    return second.text()
        + '.'
        + (char) ('0' + millis / 100)
        + (char) ('0' + millis / 10 % 10)
        + (char) ('0' + millis % 10)
        + 'Z';
  }

  private static String dateTime(long epochSecond) {
    LocalDateTime time = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
    StringBuilder text = new StringBuilder(19);
    int year = time.getYear();
    if (year < 0 || year > 9999) {
      return java.time.Instant.ofEpochSecond(epochSecond).toString().replace("Z", "");
    }
    pad(text, year, 4).append('-');
    pad(text, time.getMonthValue(), 2).append('-');
    pad(text, time.getDayOfMonth(), 2).append('T');
    pad(text, time.getHour(), 2).append(':');
    pad(text, time.getMinute(), 2).append(':');
    return pad(text, time.getSecond(), 2).toString();
  }

  private static StringBuilder pad(StringBuilder text, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      text.append('0');
    }
    return text.append(digits);
  }
}
