package dev.fn4j.bench.scf;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark functions as a Spring Cloud Function application. On Lambda the handler is {@code
 * org.springframework.cloud.function.adapter.aws.FunctionInvoker} and {@code
 * SPRING_CLOUD_FUNCTION_DEFINITION} names the function ({@code uppercase}, {@code shout}, or {@code
 * shoutBatch} for SQS: Spring Cloud Function binds a whole SQS event to the function's input type,
 * so an SQS consumer takes the {@link SQSEvent} and answers the partial-batch response).
 *
 * <p>As shipped, SCF logs every event at INFO: {@code
 * org.springframework.cloud.function.adapter.aws.AWSLambdaUtils#generateMessage} writes {@code
 * Received: <event>} after masking it with {@code JsonMasker} (which parses the event again), and
 * {@code FunctionInvoker} logs {@code Locating function} at start. Both are silenced with the
 * package's level at WARN: {@code LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_CLOUD_FUNCTION=WARN} or {@code
 * -Dlogging.level.org.springframework.cloud.function=WARN}. See README.md beside the pom.
 */
@SpringBootApplication
public class ScfApplication {

  /**
   * Runs the application outside Lambda.
   *
   * @param args Spring Boot arguments
   */
  public static void main(String[] args) {
    SpringApplication.run(ScfApplication.class, args);
  }

  /**
   * The {@code uppercase} function.
   *
   * @return text in, text upper-cased out
   */
  @Bean
  public Function<String, String> uppercase() {
    return text -> text.toUpperCase(Locale.ROOT);
  }

  /**
   * The {@code shout} function.
   *
   * @return a record in, both fields upper-cased out
   */
  @Bean
  public Function<ScfShout, ScfShout> shout() {
    return in -> new ScfShout(upper(in.name()), upper(in.message()));
  }

  /**
   * The {@code shout} function over an SQS batch, with partial batch failures.
   *
   * @param mapper Spring's JSON mapper
   * @return an SQS event in, the batch item failures out
   */
  @Bean
  public Function<SQSEvent, SQSBatchResponse> shoutBatch(JsonMapper mapper) {
    return event -> {
      List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
      for (SQSEvent.SQSMessage message : event.getRecords()) {
        try {
          ScfShout in = mapper.readValue(message.getBody(), ScfShout.class);
          shout().apply(in);
        } catch (RuntimeException e) {
          failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
        }
      }
      return new SQSBatchResponse(failures);
    };
  }

  private static String upper(String value) {
    return value == null ? null : value.toUpperCase(Locale.ROOT);
  }
}
