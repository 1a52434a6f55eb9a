package dev.fn4j.aws.testfunctions;

/**
 * An S3 event notification record as fn4j hands it over (the record as JSON); only the fields the
 * tests read.
 *
 * @param eventName for example {@code ObjectCreated:Put}
 * @param s3 bucket and object
 */
public record S3Notice(String eventName, S3Entity s3) {

  /**
   * The {@code s3} part.
   *
   * @param bucket the bucket
   * @param object the object
   */
  public record S3Entity(Bucket bucket, S3Object object) {}

  /**
   * A bucket.
   *
   * @param name its name
   */
  public record Bucket(String name) {}

  /**
   * An object.
   *
   * @param key its key
   * @param size its size in bytes
   */
  public record S3Object(String key, long size) {}
}
