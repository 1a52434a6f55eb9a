package dev.fn4j.core.dispatch;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Request ids for platforms that give none (the local runner, CloudEvent reply ids). Unique within
 * the process and unlikely to repeat across processes, without {@code UUID.randomUUID()}, whose
 * first call costs tens of milliseconds of secure-random set-up on a fresh JVM.
 */
public final class RequestIds {

  private static final String PREFIX =
      Long.toHexString(
              (System.currentTimeMillis() << 20)
                  ^ System.nanoTime()
                  ^ ((long) ProcessHandle.current().pid() << 40))
          + "-";
  private static final AtomicLong COUNTER = new AtomicLong();

  private RequestIds() {}

  /**
   * Returns a new id.
   *
   * @return for example {@code 18c2f3a9b4d-1f}
   */
  public static String next() {
    return PREFIX + Long.toHexString(COUNTER.incrementAndGet());
  }
}
