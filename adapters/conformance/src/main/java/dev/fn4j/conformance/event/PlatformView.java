package dev.fn4j.conformance.event;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Writes down what a platform was told, as text, for {@link EventOutcome#platformView()}. */
final class PlatformView {

  private PlatformView() {}

  /**
   * Returns an exception as a platform's runtime reports and logs it: Lambda's and FC's runtimes
   * report its type, message and stack frames (and its causes'), Google's invoker logs it with
   * {@code printStackTrace}'s lines.
   *
   * @param thrown what the entry class threw
   * @return the exception as {@code printStackTrace} writes it
   */
  static String thrown(Throwable thrown) {
    StringWriter text = new StringWriter();
    try (PrintWriter writer = new PrintWriter(text)) {
      thrown.printStackTrace(writer);
    }
    return text.toString();
  }

  /**
   * Returns an HTTP answer as text: the status line, the headers and the body as UTF-8.
   *
   * @param status the status, -1 for none
   * @param headers the headers
   * @param body the body
   * @return the text
   */
  static String http(int status, Map<String, List<String>> headers, byte[] body) {
    StringBuilder text = new StringBuilder("HTTP ").append(status).append('\n');
    headers.forEach(
        (name, values) ->
            values.forEach(value -> text.append(name).append(": ").append(value).append('\n')));
    return text.append('\n').append(new String(body, StandardCharsets.UTF_8)).toString();
  }
}
