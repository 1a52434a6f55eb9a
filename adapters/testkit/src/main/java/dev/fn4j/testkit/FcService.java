package dev.fn4j.testkit;

import java.util.Objects;

/**
 * The service, version and log settings an {@link FcHostFake} reports on every request, the same
 * set fc-java-core's {@code com.aliyun.fc.runtime.Service} exposes: service name ({@code
 * x-fc-service-name}), Simple Log Service project and logstore ({@code x-fc-service-logproject},
 * {@code x-fc-service-logstore}), the qualifier the caller invoked ({@code x-fc-qualifier}: {@code
 * LATEST}, a version or an alias) and the version it resolved to ({@code x-fc-version-id}). FC 3.0
 * has no services any more but still sends these headers, empty where there is nothing to say.
 *
 * <p>Immutable; the {@code with} methods return copies.
 *
 * @param name the service name; may be empty
 * @param logProject the log project; may be empty
 * @param logStore the logstore; may be empty
 * @param qualifier the qualifier, for example {@code LATEST} or {@code prod}
 * @param versionId the version the qualifier resolved to; empty for {@code LATEST}
 */
public record FcService(
    String name, String logProject, String logStore, String qualifier, String versionId) {

  /**
   * Checks that no part is null.
   *
   * @param name the service name
   * @param logProject the log project
   * @param logStore the logstore
   * @param qualifier the qualifier
   * @param versionId the version
   */
  public FcService {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(logProject, "logProject");
    Objects.requireNonNull(logStore, "logStore");
    Objects.requireNonNull(qualifier, "qualifier");
    Objects.requireNonNull(versionId, "versionId");
  }

  /**
   * Returns the settings an {@link FcHostFake} uses unless told otherwise.
   *
   * @return service {@code fn4j-service}, log project {@code fn4j-log-project}, logstore {@code
   *     fn4j-logstore}, qualifier {@code LATEST} with no version
   */
  public static FcService defaults() {
    return new FcService("fn4j-service", "fn4j-log-project", "fn4j-logstore", "LATEST", "");
  }

  /**
   * Returns a copy with another service name.
   *
   * @param newName the service name; empty as on FC 3.0
   * @return the copy
   */
  public FcService withName(String newName) {
    return new FcService(newName, logProject, logStore, qualifier, versionId);
  }

  /**
   * Returns a copy with other log settings.
   *
   * @param newLogProject the log project; empty when logging is off
   * @param newLogStore the logstore; empty when logging is off
   * @return the copy
   */
  public FcService withLog(String newLogProject, String newLogStore) {
    return new FcService(name, newLogProject, newLogStore, qualifier, versionId);
  }

  /**
   * Returns a copy invoked through another qualifier.
   *
   * @param newQualifier for example an alias {@code prod}, or a version {@code 3}
   * @param newVersionId the version the qualifier resolves to, for example {@code 3}
   * @return the copy
   */
  public FcService withQualifier(String newQualifier, String newVersionId) {
    return new FcService(name, logProject, logStore, newQualifier, newVersionId);
  }
}
