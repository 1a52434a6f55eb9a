package dev.fn4j.alibaba.event;

import java.util.List;
import java.util.Map;

/**
 * The event of a native OSS trigger: one or more object notifications. Declare it as a function's
 * input to get the whole event; the function is routed by {@code oss:<eventName>} (for example
 * {@code oss:ObjectCreated:PutObject}), then {@code oss}.
 *
 * <pre>{@code
 * public final class Thumbnail implements Function<OssEvent, String> {
 *   public String apply(OssEvent event) {
 *     OssEvent.Event upload = event.events().get(0);
 *     return upload.oss().bucket().name() + "/" + upload.oss().object().key();
 *   }
 * }
 * }</pre>
 *
 * <p>EventBridge-based OSS triggers deliver CloudEvents instead: declare {@link
 * EventBridgeCloudEvent}, or a record of their {@code data}.
 *
 * @param events the notifications (usually one; the format allows several)
 */
public record OssEvent(List<Event> events) {

  /**
   * Creates the event; a null list becomes an empty one.
   *
   * @param events the notifications (usually one; the format allows several)
   */
  public OssEvent {
    events = Copies.list(events);
  }

  /**
   * One object notification.
   *
   * @param eventName the operation without the {@code oss:} prefix, for example {@code
   *     ObjectCreated:PutObject} or {@code ObjectRemoved:DeleteObject}
   * @param eventSource always {@code acs:oss}
   * @param eventTime when it happened, ISO 8601 as sent (for example {@code
   *     2024-05-11T08:30:12.000Z})
   * @param eventVersion the notification format's version, {@code 1.0}
   * @param region the region, for example {@code cn-hangzhou}
   * @param oss the bucket and the object
   * @param requestParameters what the request that caused it came with
   * @param responseElements what OSS answered it
   * @param userIdentity who made the request
   */
  public record Event(
      String eventName,
      String eventSource,
      String eventTime,
      String eventVersion,
      String region,
      Oss oss,
      RequestParameters requestParameters,
      ResponseElements responseElements,
      UserIdentity userIdentity) {}

  /**
   * The OSS part of a notification.
   *
   * @param bucket the bucket
   * @param object the object
   * @param ossSchemaVersion the schema version, {@code 1.0}
   * @param ruleId the id of the notification rule that matched
   */
  public record Oss(Bucket bucket, ObjectInfo object, String ossSchemaVersion, String ruleId) {}

  /**
   * The bucket.
   *
   * @param arn its resource name, {@code acs:oss:<region>:<account>:<bucket>}
   * @param name its name
   * @param ownerIdentity the account id of its owner
   * @param virtualBucket the virtual bucket, usually empty
   */
  public record Bucket(String arn, String name, String ownerIdentity, String virtualBucket) {}

  /**
   * The object.
   *
   * @param deltaSize how much the object's size changed, in bytes
   * @param eTag its ETag
   * @param key its key (the object name), as OSS sends it
   * @param objectMeta its content type and user metadata, when OSS sends them
   * @param size its size in bytes
   */
  public record ObjectInfo(
      Long deltaSize, String eTag, String key, ObjectMeta objectMeta, Long size) {}

  /**
   * An object's metadata, as FC 3.0 documents it.
   *
   * @param mimeType the object's content type
   * @param userMeta its {@code x-oss-meta-*} user metadata; empty when none
   */
  public record ObjectMeta(String mimeType, Map<String, String> userMeta) {

    /**
     * Creates the metadata; a null map becomes an empty one.
     *
     * @param mimeType the object's content type
     * @param userMeta its {@code x-oss-meta-*} user metadata; empty when none
     */
    public ObjectMeta {
      userMeta = Copies.map(userMeta);
    }
  }

  /**
   * The request's parameters.
   *
   * @param sourceIPAddress the client's address
   */
  public record RequestParameters(String sourceIPAddress) {}

  /**
   * OSS's answer to the request.
   *
   * @param requestId OSS's request id
   */
  public record ResponseElements(String requestId) {}

  /**
   * Who made the request.
   *
   * @param principalId the requester's account or RAM user id
   */
  public record UserIdentity(String principalId) {}
}
