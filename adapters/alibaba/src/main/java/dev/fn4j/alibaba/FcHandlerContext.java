package dev.fn4j.alibaba;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.Credentials;
import com.aliyun.fc.runtime.FunctionParam;
import com.aliyun.fc.runtime.Service;
import dev.fn4j.core.dispatch.RequestIds;
import dev.fn4j.core.platform.Environment;
import dev.fn4j.function.InvocationContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a built-in runtime's {@link Context} says about one invocation, as the same {@code fc.*}
 * context attributes the custom runtime reads from its {@code x-fc-*} headers ({@link FcRequest}):
 * the request id, the function's and the service's settings, the retry count, and the region and
 * account from FC's environment. The role's credentials and the FC context itself are raw objects
 * only, never attributes. The deadline is fixed when the invocation starts.
 */
final class FcHandlerContext {

  private static final FcCredentials NO_ROLE = new FcCredentials("", "", "");

  private FcHandlerContext() {}

  /**
   * Reads an invocation's values once.
   *
   * @param fc the runtime's context (null, or getters that return null, are tolerated)
   * @param requestId the invocation's request id ({@link #requestId(Context)})
   * @param environment FC's environment, for the region and the account
   * @return a fresh context builder with those values, for each call
   */
  static Supplier<InvocationContext.Builder> of(
      Context fc, String requestId, Environment environment) {
    Map<String, String> attributes = new LinkedHashMap<>();
    Instant deadline = null;
    FcCredentials credentials = NO_ROLE;
    if (fc != null) {
      deadline = function(fc.getFunctionParam(), attributes);
      service(fc.getService(), attributes);
      put(attributes, "fc.retry.count", String.valueOf(Math.max(0, fc.getRetryCount())));
      credentials = credentials(fc.getExecutionCredentials());
    }
    environment.value("FC_REGION").ifPresent(region -> put(attributes, "fc.region", region));
    environment.value("FC_ACCOUNT_ID").ifPresent(id -> put(attributes, "fc.account.id", id));
    FcRequest request = new FcRequest(requestId, attributes, credentials, null);
    Instant end = deadline;
    return () -> {
      InvocationContext.Builder context = request.describe(InvocationContext.builder());
      return fc == null ? context : context.deadline(end).raw(fc);
    };
  }

  /**
   * Returns the runtime's request id.
   *
   * @param fc the runtime's context
   * @return its request id, or a new fn4j id when it has none
   */
  static String requestId(Context fc) {
    String id = fc == null ? null : fc.getRequestId();
    return id == null || id.isEmpty() ? RequestIds.next() : id;
  }

  /** The function's settings; returns the deadline its timeout sets, or null. */
  private static Instant function(FunctionParam function, Map<String, String> attributes) {
    if (function == null) {
      return null;
    }
    put(attributes, "fc.function.name", function.getFunctionName());
    put(attributes, "fc.function.handler", function.getFunctionHandler());
    if (function.getMemoryLimitInMB() > 0) {
      put(attributes, "fc.function.memory", String.valueOf(function.getMemoryLimitInMB()));
    }
    int millis = function.getExecTimeLimitInMillis();
    if (millis <= 0) {
      return null;
    }
    put(attributes, "fc.function.timeout", String.valueOf((millis + 999) / 1000));
    return Instant.now().plusMillis(millis);
  }

  /** The service's settings (FC 2.0; FC 3.0 has no services and leaves them empty). */
  private static void service(Service service, Map<String, String> attributes) {
    if (service != null) {
      put(attributes, "fc.qualifier", service.getQualifier());
      put(attributes, "fc.version.id", service.getVersionId());
      put(attributes, "fc.service.name", service.getName());
      put(attributes, "fc.log.project", service.getLogProject());
      put(attributes, "fc.log.store", service.getLogStore());
    }
  }

  private static FcCredentials credentials(Credentials credentials) {
    if (credentials == null) {
      return NO_ROLE;
    }
    return new FcCredentials(
        text(credentials.getAccessKeyId()),
        text(credentials.getAccessKeySecret()),
        text(credentials.getSecurityToken()));
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static void put(Map<String, String> attributes, String name, String value) {
    if (value != null && !value.isEmpty()) {
      attributes.put(name, value);
    }
  }
}
