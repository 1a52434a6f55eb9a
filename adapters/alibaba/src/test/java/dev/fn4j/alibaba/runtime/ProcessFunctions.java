package dev.fn4j.alibaba.runtime;

import dev.fn4j.function.FunctionRegistrar;
import dev.fn4j.function.FunctionRegistry;
import dev.fn4j.function.Lifecycle;
import dev.fn4j.function.Message;
import dev.fn4j.function.TypeRef;
import java.util.Locale;
import java.util.Map;

/**
 * The application the child JVMs of {@link FcProcessTest} run, found through {@code
 * META-INF/services/dev.fn4j.function.FunctionRegistrar} of the test resources: {@code uppercase};
 * {@code fail}, which throws with the role's access key secret in its exception's message (the
 * worst a function can do: the runtime must still never print it); {@code echo}, which answers with
 * every header and context attribute it got; and hooks that print {@link #PRE_FREEZE} and {@link
 * #PRE_STOP} when they run, and then, when {@link #FAILING_HOOKS} is {@code true} in the
 * environment, throw with the role's access key secret (from {@code
 * ALIBABA_CLOUD_ACCESS_KEY_SECRET}) in their exception's message.
 */
public final class ProcessFunctions implements FunctionRegistrar {

  /** What the pre-freeze hook prints. */
  static final String PRE_FREEZE = "process-functions: pre-freeze hook ran";

  /** What the pre-stop hook prints. */
  static final String PRE_STOP = "process-functions: pre-stop hook ran";

  /** The environment variable that makes the hooks fail. */
  static final String FAILING_HOOKS = "PROCESS_FUNCTIONS_FAILING_HOOKS";

  @Override
  public void register(FunctionRegistry registry) {
    registry.function(
        "uppercase", String.class, String.class, text -> text.toUpperCase(Locale.ROOT));
    registry.function(
        "fail",
        new TypeRef<Message<String>>() {},
        new TypeRef<String>() {},
        message -> {
          String secret =
              message
                  .context()
                  .unwrap(dev.fn4j.alibaba.FcCredentials.class)
                  .map(dev.fn4j.alibaba.FcCredentials::accessKeySecret)
                  .orElse("");
          throw new IllegalStateException("cannot go on with " + secret);
        });
    registry.function(
        "echo",
        new TypeRef<Message<String>>() {},
        new TypeRef<Map<String, Object>>() {},
        RuntimeFunctions::echo);
    registry.lifecycle(
        new Lifecycle() {
          @Override
          public void preFreeze() {
            System.out.println(PRE_FREEZE);
            failWhenAsked();
          }

          @Override
          public void preStop() {
            System.out.println(PRE_STOP);
            failWhenAsked();
          }
        });
  }

  private static void failWhenAsked() {
    if ("true".equals(System.getenv(FAILING_HOOKS))) {
      throw new IllegalStateException(
          "hook cannot go on with " + System.getenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET"));
    }
  }
}
