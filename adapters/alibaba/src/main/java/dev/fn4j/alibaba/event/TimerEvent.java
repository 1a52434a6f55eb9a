package dev.fn4j.alibaba.event;

/**
 * The event of a timer trigger. The function is routed by {@code timer:<triggerName>}, then {@code
 * timer}.
 *
 * @param triggerTime when the trigger fired, ISO 8601 in UTC as sent (for example {@code
 *     2024-01-15T02:00:00Z})
 * @param triggerName the trigger's name
 * @param payload the trigger message configured on the trigger, as text (empty or null when none)
 */
public record TimerEvent(String triggerTime, String triggerName, String payload) {}
