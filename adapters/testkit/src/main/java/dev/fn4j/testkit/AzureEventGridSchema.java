package dev.fn4j.testkit;

/** The two schemas Event Grid delivers events in. */
public enum AzureEventGridSchema {
  /**
   * The Event Grid event schema: {@code id}, {@code topic}, {@code subject}, {@code eventType},
   * {@code eventTime}, {@code data}, {@code dataVersion}, {@code metadataVersion}; webhook
   * deliveries are JSON arrays.
   */
  EVENT_GRID,
  /**
   * The CloudEvents 1.0 schema in JSON: {@code specversion}, {@code id}, {@code source}, {@code
   * type}, optional {@code subject}, {@code time}, {@code data}; webhook deliveries are one event
   * ({@code application/cloudevents+json}) or a batch ({@code application/cloudevents-batch+json}).
   */
  CLOUD_EVENTS
}
