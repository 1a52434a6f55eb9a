package dev.fn4j.alibaba.event;

import java.util.Map;

/**
 * The event of a Simple Log Service (SLS) trigger: which shard of which Logstore has new data, as a
 * cursor range for the function to read with the SLS SDK. The logs themselves are not in the event.
 * The function is routed by {@code sls:<logstoreName>}, then {@code sls}.
 *
 * @param parameter the function parameter configured on the trigger (its {@code
 *     functionParameter}); empty when none. JSON numbers are {@code Integer}, {@code Long} or
 *     {@code Double}, arrays are {@code List}s, objects are {@code Map}s
 * @param source where the new data is
 * @param jobName the name of the SLS job that runs the trigger
 * @param taskId the id of this run of the job
 * @param cursorTime the time of the data that was read up to, in seconds since the epoch
 */
public record SlsEvent(
    Map<String, Object> parameter, Source source, String jobName, String taskId, Long cursorTime) {

  /**
   * Creates the event; a null parameter map becomes an empty one.
   *
   * @param parameter the function parameter configured on the trigger (its {@code
   *     functionParameter}); empty when none. JSON numbers are {@code Integer}, {@code Long} or
   *     {@code Double}, arrays are {@code List}s, objects are {@code Map}s
   * @param source where the new data is
   * @param jobName the name of the SLS job that runs the trigger
   * @param taskId the id of this run of the job
   * @param cursorTime the time of the data that was read up to, in seconds since the epoch
   */
  public SlsEvent {
    parameter = Copies.map(parameter);
  }

  /**
   * The shard and cursor range with the new data.
   *
   * @param endpoint the SLS endpoint to read from, for example {@code
   *     http://cn-hangzhou-intranet.log.aliyuncs.com}
   * @param projectName the SLS project
   * @param logstoreName the Logstore
   * @param shardId the shard
   * @param beginCursor the cursor to start reading at
   * @param endCursor the cursor to stop reading at
   */
  public record Source(
      String endpoint,
      String projectName,
      String logstoreName,
      Integer shardId,
      String beginCursor,
      String endCursor) {}
}
