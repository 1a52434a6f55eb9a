package dev.fn4j.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A five-field Unix cron expression ({@code minute hour day-of-month month day-of-week}, UTC), and
 * its spelling on each platform: every cloud writes schedules differently, the POM once.
 *
 * @param minute the minute field
 * @param hour the hour field
 * @param dayOfMonth the day-of-month field
 * @param month the month field
 * @param dayOfWeek the day-of-week field
 */
public record Cron(String minute, String hour, String dayOfMonth, String month, String dayOfWeek) {

  private static final Pattern FIELD = Pattern.compile("[0-9A-Za-z*/,\\-]+");
  private static final Pattern NUMBER = Pattern.compile("[0-9]+");
  private static final List<String> DAYS =
      List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

  /** Checks the fields. */
  public Cron {
    for (String field : List.of(minute, hour, dayOfMonth, month, dayOfWeek)) {
      Objects.requireNonNull(field, "field");
      if (!FIELD.matcher(field).matches()) {
        throw new IllegalArgumentException("'" + field + "' is not a cron field");
      }
    }
  }

  /**
   * Reads an expression.
   *
   * @param expression five fields separated by spaces, for example {@code 0 6 * * 1-5}
   * @return the expression
   * @throws IllegalArgumentException when it does not have five valid fields
   */
  public static Cron parse(String expression) {
    String[] fields = expression.trim().split("\\s+");
    if (fields.length != 5) {
      throw new IllegalArgumentException(
          "a schedule is a five-field Unix cron expression (minute hour day-of-month month"
              + " day-of-week), not '"
              + expression.trim()
              + "'");
    }
    return new Cron(fields[0], fields[1], fields[2], fields[3], fields[4]);
  }

  /**
   * Returns the expression as written: what Google Cloud Scheduler and Knative's {@code PingSource}
   * take.
   *
   * @return for example {@code 0 6 * * 1-5}
   */
  public String unix() {
    return String.join(" ", minute, hour, dayOfMonth, month, dayOfWeek);
  }

  /**
   * Returns the expression with a seconds field first: Azure's NCRONTAB and Alibaba FC's timer
   * trigger.
   *
   * @return for example {@code 0 0 6 * * 1-5}
   */
  public String withSeconds() {
    return "0 " + unix();
  }

  /**
   * Returns the expression as Amazon EventBridge writes it: six fields with a year, and {@code ?}
   * in one of the two day fields (EventBridge refuses {@code *} in both).
   *
   * @return for example {@code cron(0 6 ? * 1-5 *)}
   */
  public String aws() {
    String dom = dayOfMonth;
    String dow = dayOfWeek;
    if (dow.equals("*")) {
      dow = "?";
    } else {
      dom = "?";
    }
    return "cron(" + String.join(" ", minute, hour, dom, month, awsDaysOfWeek(dow), "*") + ")";
  }

  /**
   * Returns the expression as Alibaba FC's timer trigger takes it: in UTC, with a seconds field,
   * and the days of the week by name (FC numbers them 1 to 7, Unix 0 to 7 with Sunday 0 and 7;
   * names mean the same on both).
   *
   * @return for example {@code CRON_TZ=UTC 0 0 6 * * MON-FRI}
   */
  public String alibaba() {
    return "CRON_TZ=UTC 0 "
        + String.join(" ", minute, hour, dayOfMonth, month, dayNames(dayOfWeek));
  }

  /** Renames the days in a day-of-week field, leaving {@code *}, names and steps as they are. */
  private static String dayNames(String field) {
    List<String> items = new ArrayList<>();
    for (String item : field.split(",", -1)) {
      int slash = item.indexOf('/');
      String days = slash < 0 ? item : item.substring(0, slash);
      String step = slash < 0 ? "" : item.substring(slash);
      Matcher number = NUMBER.matcher(days);
      StringBuilder named = new StringBuilder();
      while (number.find()) {
        int day = Integer.parseInt(number.group());
        number.appendReplacement(named, day < DAYS.size() ? DAYS.get(day) : number.group());
      }
      number.appendTail(named);
      items.add(named + step);
    }
    return String.join(",", items);
  }

  /** Unix numbers Sunday 0 (or 7) to Saturday 6; EventBridge numbers Sunday 1 to Saturday 7. */
  private static String awsDaysOfWeek(String field) {
    if (field.equals("?") || field.equals("*") || !field.matches("[0-9,\\-]+")) {
      return field;
    }
    StringBuilder shifted = new StringBuilder();
    for (char c : field.toCharArray()) {
      shifted.append(Character.isDigit(c) ? (char) ('1' + (c - '0') % 7) : c);
    }
    return shifted.toString();
  }
}
