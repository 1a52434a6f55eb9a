package dev.fn4j.aws.it;

import com.amazonaws.services.lambda.runtime.Context;
import dev.fn4j.function.FunctionRegistrar;
import dev.fn4j.function.FunctionRegistry;
import dev.fn4j.function.InvocationContext;
import dev.fn4j.function.Message;
import dev.fn4j.function.TypeRef;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The "application" that the child JVMs of the integration tests run, found as a deployed jar's
 * functions are: through {@code META-INF/services/dev.fn4j.function.FunctionRegistrar} of the test
 * resources and the context class loader.
 *
 * <ul>
 *   <li>{@code uppercase} ({@code String -> String}): the text in upper case; throws for the text
 *       {@code boom}, with a message that must never reach Lambda;
 *   <li>{@code greet} ({@link Person} -> {@link Greeting}): {@code {"name":"Ada","language":"de"}}
 *       gives {@code {"message":"Hallo, Ada"}};
 *   <li>{@code context} ({@code Message<String> -> String}): what the function sees of the
 *       invocation, through the neutral context and through the Lambda {@link Context} it unwraps,
 *       as {@code name=value} lines.
 * </ul>
 */
public final class ItFunctions implements FunctionRegistrar {

  /** The text that makes {@code uppercase} throw. */
  static final String BOOM = "boom";

  /** Part of the message {@code uppercase} throws with; no Lambda answer may contain it. */
  static final String SECRET = "secret-detail-7f3a";

  /**
   * The body of the {@code /greet} requests.
   *
   * @param name who to greet
   * @param language an ISO 639-1 code, or null
   */
  public record Person(String name, String language) {}

  /**
   * The answer of {@code greet}.
   *
   * @param message the greeting
   */
  public record Greeting(String message) {}

  @Override
  public void register(FunctionRegistry registry) {
    registry
        .function("uppercase", String.class, String.class, ItFunctions::uppercase)
        .function("greet", Person.class, Greeting.class, ItFunctions::greet)
        .function(
            "context",
            new TypeRef<Message<String>>() {},
            TypeRef.of(String.class),
            ItFunctions::context);
  }

  static String uppercase(String text) {
    if (BOOM.equals(text)) {
      throw new IllegalStateException(SECRET + ": uppercase refuses " + text);
    }
    return text.toUpperCase(Locale.ROOT);
  }

  static Greeting greet(Person person) {
    String hello = "de".equals(person.language()) ? "Hallo" : "Hello";
    return new Greeting(hello + ", " + person.name());
  }

  /**
   * Describes what the function sees of the invocation, one {@code name=value} per line: from the
   * neutral context {@code requestId}, {@code platform}, {@code trace} (the X-Ray header) and
   * {@code remaining} (whether time remains); from the Lambda {@link Context} it unwraps {@code
   * lambda.requestId}, {@code lambda.functionName}, {@code lambda.arn}, {@code lambda.remaining},
   * {@code lambda.identity} (the Cognito identity id) and {@code lambda.tenant} (the client
   * context's custom {@code tenant}); {@code -} for what is absent.
   */
  static String context(Message<String> message) {
    InvocationContext neutral = message.context();
    Context lambda =
        neutral
            .unwrap(Context.class)
            .orElseThrow(() -> new IllegalStateException("no Lambda Context"));
    Map<String, Object> seen = new LinkedHashMap<>();
    seen.put("requestId", neutral.requestId());
    seen.put("platform", neutral.platform());
    seen.put("trace", neutral.trace().platformTraceId().orElse("-"));
    seen.put(
        "remaining",
        neutral.remainingTime().filter(time -> time.compareTo(Duration.ZERO) > 0).isPresent());
    seen.put("lambda.requestId", lambda.getAwsRequestId());
    seen.put("lambda.functionName", lambda.getFunctionName());
    seen.put("lambda.arn", lambda.getInvokedFunctionArn());
    seen.put("lambda.remaining", lambda.getRemainingTimeInMillis() > 0);
    seen.put(
        "lambda.identity",
        lambda.getIdentity() == null ? "-" : String.valueOf(lambda.getIdentity().getIdentityId()));
    seen.put(
        "lambda.tenant",
        lambda.getClientContext() == null || lambda.getClientContext().getCustom() == null
            ? "-"
            : String.valueOf(lambda.getClientContext().getCustom().get("tenant")));
    StringBuilder text = new StringBuilder();
    seen.forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
    return text.toString();
  }
}
