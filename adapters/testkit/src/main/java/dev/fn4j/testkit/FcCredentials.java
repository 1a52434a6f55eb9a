package dev.fn4j.testkit;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The temporary credentials Function Compute hands a function: the STS key of the function's role,
 * sent on every request as {@code x-fc-access-key-id}, {@code x-fc-access-key-secret} and {@code
 * x-fc-security-token} (and set as {@code ALIBABA_CLOUD_ACCESS_KEY_ID}, {@code
 * ALIBABA_CLOUD_ACCESS_KEY_SECRET} and {@code ALIBABA_CLOUD_SECURITY_TOKEN} in the environment). A
 * runtime must let the function reach them and must never write them to a log or a response; {@link
 * #values()} lists what a test looks for to prove it.
 *
 * <p>Immutable. {@link #toString()} masks every value, so an assertion message cannot leak them.
 *
 * @param accessKeyId the temporary AccessKey ID; empty when the function has no role
 * @param accessKeySecret the temporary AccessKey secret; empty when the function has no role
 * @param securityToken the STS security token; empty when the function has no role
 */
public record FcCredentials(String accessKeyId, String accessKeySecret, String securityToken) {

  /** The fake AccessKey ID {@link #fake()} uses; obviously not a real key. */
  public static final String FAKE_ACCESS_KEY_ID = "STS.fn4jFakeAccessKeyId0000";

  /** The fake AccessKey secret {@link #fake()} uses; obviously not a real secret. */
  public static final String FAKE_ACCESS_KEY_SECRET = "fn4j-fake-access-key-secret-never-log-me";

  /** The fake security token {@link #fake()} uses; obviously not a real token. */
  public static final String FAKE_SECURITY_TOKEN = "CAISfn4jFakeSecurityToken-never-log-me";

  /**
   * Checks that no part is null.
   *
   * @param accessKeyId the AccessKey ID, possibly empty
   * @param accessKeySecret the AccessKey secret, possibly empty
   * @param securityToken the security token, possibly empty
   */
  public FcCredentials {
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(accessKeySecret, "accessKeySecret");
    Objects.requireNonNull(securityToken, "securityToken");
  }

  /**
   * Returns obviously fake credentials, the default of an {@link FcHostFake}.
   *
   * @return {@link #FAKE_ACCESS_KEY_ID}, {@link #FAKE_ACCESS_KEY_SECRET} and {@link
   *     #FAKE_SECURITY_TOKEN}
   */
  public static FcCredentials fake() {
    return new FcCredentials(FAKE_ACCESS_KEY_ID, FAKE_ACCESS_KEY_SECRET, FAKE_SECURITY_TOKEN);
  }

  /**
   * Returns what a function without a role gets: the three headers are sent, with empty values.
   *
   * @return credentials whose values are all empty
   */
  public static FcCredentials none() {
    return new FcCredentials("", "", "");
  }

  /**
   * Tells whether these are the empty credentials of a function without a role.
   *
   * @return true when every value is empty
   */
  public boolean isEmpty() {
    return accessKeyId.isEmpty() && accessKeySecret.isEmpty() && securityToken.isEmpty();
  }

  /**
   * Lists the values that must never appear in a log line or a response.
   *
   * @return the non-empty values among the key ID, the secret and the token, in that order
   */
  public List<String> values() {
    return Stream.of(accessKeyId, accessKeySecret, securityToken)
        .filter(value -> !value.isEmpty())
        .toList();
  }

  /**
   * Describes the credentials without their values.
   *
   * @return {@code FcCredentials[masked]}, or {@code FcCredentials[none]} when empty
   */
  @Override
  public String toString() {
    return isEmpty() ? "FcCredentials[none]" : "FcCredentials[masked]";
  }
}
