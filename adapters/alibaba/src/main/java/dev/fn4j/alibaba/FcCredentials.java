package dev.fn4j.alibaba;

/**
 * The temporary credentials of the function's role, as FC hands them to every invocation. A
 * function reaches them with {@code context.unwrap(FcCredentials.class)}; they are never put in
 * context attributes or headers, never logged, and {@link #toString()} masks them.
 *
 * @param accessKeyId the access key id, empty when the function has no role
 * @param accessKeySecret the access key secret, empty when the function has no role
 * @param securityToken the STS security token, empty when the function has no role
 */
public record FcCredentials(String accessKeyId, String accessKeySecret, String securityToken) {

  /**
   * Tells whether the function has no role, so no credentials.
   *
   * @return true when every value is empty
   */
  public boolean isEmpty() {
    return accessKeyId.isEmpty() && accessKeySecret.isEmpty() && securityToken.isEmpty();
  }

  @Override
  public String toString() {
    return "FcCredentials[" + (isEmpty() ? "none" : "****") + "]";
  }
}
