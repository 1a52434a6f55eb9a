package dev.fn4j.alibaba.event;

import java.util.List;
import java.util.Map;

/**
 * The event of a CDN event trigger: one or more CDN notifications ({@code CachedObjectsRefreshed},
 * {@code CachedObjectsPushed}, {@code CachedObjectsBlocked}, {@code LogFileCreated}, {@code
 * CdnDomainStarted}, {@code CdnDomainStopped}, {@code CdnDomainAdded}, {@code CdnDomainDeleted}).
 * The function is routed by {@code cdn:<eventName>}, then {@code cdn}.
 *
 * @param events the notifications
 */
public record CdnEvent(List<Event> events) {

  /**
   * Creates the event; a null list becomes an empty one.
   *
   * @param events the notifications
   */
  public CdnEvent {
    events = Copies.list(events);
  }

  /**
   * One CDN notification.
   *
   * @param eventName what happened, for example {@code LogFileCreated}
   * @param eventVersion the format's version, {@code 1.0.0}
   * @param eventSource always {@code cdn}
   * @param region the region, for example {@code cn-hangzhou}
   * @param eventTime when it happened, ISO 8601 with an offset as sent (for example {@code
   *     2024-03-02T10:15:00+08:00})
   * @param traceId the notification's trace id
   * @param resource the domain it is about
   * @param eventParameter what the event says, which differs by event: for example {@code
   *     objectPath}, {@code objectType}, {@code taskId}, {@code createTime} for refreshes and
   *     pushes, {@code filePath}, {@code fileSize}, {@code startTime}, {@code endTime} for log
   *     files, {@code domain} and {@code status} for domain events; JSON numbers are {@code
   *     Integer}, {@code Long} or {@code Double}, arrays are {@code List}s
   * @param userIdentity the account
   */
  public record Event(
      String eventName,
      String eventVersion,
      String eventSource,
      String region,
      String eventTime,
      String traceId,
      Resource resource,
      Map<String, Object> eventParameter,
      UserIdentity userIdentity) {

    /**
     * Creates the notification; a null parameter map becomes an empty one.
     *
     * @param eventName what happened, for example {@code LogFileCreated}
     * @param eventVersion the format's version, {@code 1.0.0}
     * @param eventSource always {@code cdn}
     * @param region the region, for example {@code cn-hangzhou}
     * @param eventTime when it happened, ISO 8601 with an offset as sent (for example {@code
     *     2024-03-02T10:15:00+08:00})
     * @param traceId the notification's trace id
     * @param resource the domain it is about
     * @param eventParameter what the event says, which differs by event: for example {@code
     *     objectPath}, {@code objectType}, {@code taskId}, {@code createTime} for refreshes and
     *     pushes, {@code filePath}, {@code fileSize}, {@code startTime}, {@code endTime} for log
     *     files, {@code domain} and {@code status} for domain events; JSON numbers are {@code
     *     Integer}, {@code Long} or {@code Double}, arrays are {@code List}s
     * @param userIdentity the account
     */
    public Event {
      eventParameter = Copies.map(eventParameter);
    }
  }

  /**
   * What the notification is about.
   *
   * @param domain the accelerated domain name
   */
  public record Resource(String domain) {}

  /**
   * The account.
   *
   * @param aliUid the Alibaba Cloud account id
   */
  public record UserIdentity(String aliUid) {}
}
