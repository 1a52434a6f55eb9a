package dev.fn4j.aws.testfunctions;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Ingests an uploaded object's notification; throws when told to. */
public final class Ingest implements Function<S3Notice, String> {

  private final boolean fail;
  private final List<S3Notice> received = new CopyOnWriteArrayList<>();

  /**
   * Creates the function.
   *
   * @param fail whether every call throws
   */
  public Ingest(boolean fail) {
    this.fail = fail;
  }

  @Override
  public String apply(S3Notice notice) {
    received.add(notice);
    if (fail) {
      throw new IllegalStateException("bucket unreachable");
    }
    return notice.s3().bucket().name() + "/" + notice.s3().object().key();
  }

  /**
   * Returns the notices received, in order.
   *
   * @return the notices
   */
  public List<S3Notice> received() {
    return List.copyOf(received);
  }
}
