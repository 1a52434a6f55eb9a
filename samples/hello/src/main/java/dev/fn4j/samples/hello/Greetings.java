package dev.fn4j.samples.hello;

import dev.fn4j.function.FunctionName;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;

/**
 * Greets whoever a Pub/Sub message names: the event function of the sample. Google Cloud Functions
 * (or a Knative PingSource, or any CloudEvent of this shape) delivers a {@code
 * google.cloud.pubsub.topic.v1.messagePublished} event; its data is bound to {@link Published} and
 * the message's base64 {@code data} is the name.
 */
@FunctionName("greetings")
public final class Greetings implements Function<Greetings.Published, String> {

  private static final System.Logger LOG = System.getLogger("dev.fn4j.samples.hello");

  /**
   * The data of a Pub/Sub {@code messagePublished} CloudEvent.
   *
   * @param message the message
   * @param subscription the subscription that delivered it
   */
  public record Published(Message message, String subscription) {}

  /**
   * A Pub/Sub message.
   *
   * @param data the payload, base64
   * @param attributes the message attributes
   * @param messageId the message id
   * @param publishTime when it was published
   */
  public record Message(
      String data, Map<String, String> attributes, String messageId, String publishTime) {}

  @Override
  public String apply(Published published) {
    if (published.message() == null || published.message().data() == null) {
      throw new IllegalArgumentException("the message has no data");
    }
    String name =
        new String(Base64.getDecoder().decode(published.message().data()), StandardCharsets.UTF_8)
            .strip();
    String greeting = "Hello, " + (name.isEmpty() ? "nobody" : name) + "!";
    LOG.log(Level.INFO, greeting + " (message " + published.message().messageId() + ")");
    return greeting;
  }
}
