package dev.fn4j.knative.event;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CloudEvents context attributes fn4j knows by name, and the checks every incoming event passes
 * (CloudEvents 1.0, section 3; 0.3 is accepted on input with its own optional attributes).
 */
public final class Attributes {

  /** {@code id}. */
  public static final String ID = "id";

  /** {@code source}. */
  public static final String SOURCE = "source";

  /** {@code specversion}. */
  public static final String SPEC_VERSION = "specversion";

  /** {@code type}. */
  public static final String TYPE = "type";

  /** {@code datacontenttype}. */
  public static final String DATA_CONTENT_TYPE = "datacontenttype";

  /** {@code dataschema} (1.0). */
  public static final String DATA_SCHEMA = "dataschema";

  /** {@code schemaurl} (0.3). */
  public static final String SCHEMA_URL = "schemaurl";

  /** {@code datacontentencoding} (0.3). */
  public static final String DATA_CONTENT_ENCODING = "datacontentencoding";

  /** {@code subject}. */
  public static final String SUBJECT = "subject";

  /** {@code time}. */
  public static final String TIME = "time";

  /** The spec version fn4j writes. */
  public static final String V1 = "1.0";

  /** The older spec version accepted on input. */
  public static final String V03 = "0.3";

  private static final Set<String> REQUIRED = Set.of(ID, SOURCE, SPEC_VERSION, TYPE);

  /** The context attributes the spec types as strings (URI, URI-reference and Timestamp too). */
  private static final Set<String> STRING_TYPED =
      Set.of(
          ID,
          SOURCE,
          SPEC_VERSION,
          TYPE,
          DATA_CONTENT_TYPE,
          DATA_SCHEMA,
          SCHEMA_URL,
          DATA_CONTENT_ENCODING,
          SUBJECT,
          TIME);

  private static final Pattern RFC_3339 =
      Pattern.compile(
          "(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(?:\\.\\d+)?"
              + "(?:[Zz]|[+-](\\d{2}):(\\d{2}))");

  private Attributes() {}

  /**
   * Tells whether a name is a valid attribute name: lower-case ASCII letters and digits only.
   *
   * @param name the name
   * @return true when valid
   */
  public static boolean isValidName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Checks a complete set of attributes.
   *
   * @param attributes the attributes by name
   * @throws InvalidEventException naming the first attribute that is missing or malformed
   */
  public static void check(Map<String, String> attributes) {
    for (String name : attributes.keySet()) {
      if (!isValidName(name)) {
        throw new InvalidEventException(
            "attribute name '"
                + printable(name)
                + "' is invalid: CloudEvents attribute names are lower-case letters a-z and"
                + " digits 0-9");
      }
    }
    String version = attributes.get(SPEC_VERSION);
    if (version == null) {
      throw new InvalidEventException("the required attribute 'specversion' is missing");
    }
    if (!version.equals(V1) && !version.equals(V03)) {
      throw new InvalidEventException(
          "specversion '" + printable(version) + "' is not supported: send 1.0 (or 0.3)");
    }
    for (String name : new String[] {ID, SOURCE, TYPE}) {
      String value = attributes.get(name);
      if (value == null) {
        throw new InvalidEventException("the required attribute '" + name + "' is missing");
      }
      if (value.isEmpty()) {
        throw new InvalidEventException("the required attribute '" + name + "' is empty");
      }
    }
    checkUri(SOURCE, attributes.get(SOURCE), false);
    String schema = attributes.get(version.equals(V1) ? DATA_SCHEMA : SCHEMA_URL);
    if (schema != null) {
      checkUri(version.equals(V1) ? DATA_SCHEMA : SCHEMA_URL, schema, version.equals(V1));
    }
    String time = attributes.get(TIME);
    if (time != null) {
      checkTime(time);
    }
    String contentType = attributes.get(DATA_CONTENT_TYPE);
    if (contentType != null && !contentType.contains("/")) {
      throw new InvalidEventException(
          "datacontenttype '" + printable(contentType) + "' is not a media type");
    }
    String subject = attributes.get(SUBJECT);
    if (subject != null && subject.isEmpty()) {
      throw new InvalidEventException("the attribute 'subject' is empty");
    }
  }

  /**
   * Tells whether the spec gives an attribute a string type, so that the JSON format must carry it
   * as a JSON string.
   *
   * @param name the attribute's name
   * @return true for id, source, specversion, type, datacontenttype, dataschema, subject, time
   */
  public static boolean isStringTyped(String name) {
    return STRING_TYPED.contains(name);
  }

  /**
   * Tells whether an attribute is one of the four every event must have.
   *
   * @param name the attribute's name
   * @return true for id, source, specversion and type
   */
  public static boolean isRequired(String name) {
    return REQUIRED.contains(name);
  }

  private static void checkUri(String name, String value, boolean absolute) {
    try {
      URI uri = new URI(value);
      if (absolute && !uri.isAbsolute()) {
        throw new InvalidEventException(
            "the attribute '" + name + "' must be an absolute URI, not '" + printable(value) + "'");
      }
    } catch (URISyntaxException e) {
      throw new InvalidEventException(
          "the attribute '" + name + "' is not a URI reference: '" + printable(value) + "'");
    }
  }

  /**
   * Checks RFC 3339's {@code date-time}: any number of fractional digits and a leap second are
   * allowed, which {@code java.time} parsing would refuse.
   */
  private static void checkTime(String time) {
    Matcher parts = RFC_3339.matcher(time);
    boolean valid = parts.matches();
    if (valid) {
      try {
        LocalDate.of(
            Integer.parseInt(parts.group(1)),
            Integer.parseInt(parts.group(2)),
            Integer.parseInt(parts.group(3)));
        valid =
            Integer.parseInt(parts.group(4)) <= 23
                && Integer.parseInt(parts.group(5)) <= 59
                && Integer.parseInt(parts.group(6)) <= 60
                && (parts.group(7) == null
                    || (Integer.parseInt(parts.group(7)) <= 23
                        && Integer.parseInt(parts.group(8)) <= 59));
      } catch (DateTimeException e) {
        valid = false;
      }
    }
    if (!valid) {
      throw new InvalidEventException(
          "the attribute 'time' is not an RFC 3339 timestamp: '" + printable(time) + "'");
    }
  }

  /**
   * Returns text safe to quote in an error: control and non-ASCII characters replaced, at most 200
   * characters.
   *
   * @param text the text
   * @return the printable text
   */
  public static String printable(String text) {
    String clean = text.replaceAll("[^\\x20-\\x7e]", "?");
    return clean.length() > 200 ? clean.substring(0, 200) + "..." : clean;
  }
}
