package dev.fn4j.core.convert;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;

/** Reads the few things the core needs from a {@code Content-Type} value. */
public final class MediaTypes {

  /** The content type of text output. */
  public static final String TEXT_PLAIN = "text/plain; charset=UTF-8";

  /** The content type of byte output. */
  public static final String OCTET_STREAM = "application/octet-stream";

  /** The content type of JSON output. */
  public static final String JSON = "application/json";

  private MediaTypes() {}

  /**
   * Tells whether a content type allows a JSON body: absent, {@code application/json}, {@code
   * text/json} or any {@code +json} suffix.
   *
   * @param contentType the header value, or null when absent
   * @return true when JSON may be read from the body
   */
  public static boolean acceptsJson(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return true;
    }
    String essence = essence(contentType);
    return essence.equals("application/json")
        || essence.equals("text/json")
        || essence.endsWith("+json");
  }

  /**
   * Returns the type and subtype, lower-cased, without parameters.
   *
   * @param contentType the header value
   * @return for example {@code application/json}
   */
  public static String essence(String contentType) {
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.trim().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the charset named by a content type.
   *
   * @param contentType the header value, or null
   * @return the charset, UTF-8 when none is named
   * @throws IllegalArgumentException when the named charset is unknown
   */
  public static Charset charset(String contentType) {
    return charsetParameter(contentType)
        .map(
            name -> {
              try {
                return Charset.forName(name);
              } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new IllegalArgumentException("unsupported charset '" + name + "'");
              }
            })
        .orElse(StandardCharsets.UTF_8);
  }

  private static Optional<String> charsetParameter(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    for (String parameter : contentType.split(";")) {
      String trimmed = parameter.trim();
      if (trimmed.regionMatches(true, 0, "charset=", 0, 8)) {
        String value = trimmed.substring(8).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
