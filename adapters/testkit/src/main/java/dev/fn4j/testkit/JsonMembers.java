package dev.fn4j.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the top level of a JSON object without a JSON library, enough for the small error bodies
 * runtimes post: each member's value is kept as its raw JSON text, and strings or arrays of strings
 * can be decoded from it. Also quotes strings for the JSON the fakes write.
 */
final class JsonMembers {

  private final String text;
  private int pos;

  private JsonMembers(String text) {
    this.text = text;
  }

  /**
   * Returns the members of a JSON object.
   *
   * @param json the text, for example {@code {"errorType":"E","stackTrace":["a"]}}
   * @return each member's name and the raw JSON text of its value, in order (a repeated name keeps
   *     its last value); empty when the text is not one well-formed JSON object
   */
  static Map<String, String> of(String json) {
    if (json == null) {
      return Map.of();
    }
    JsonMembers reader = new JsonMembers(json);
    try {
      Map<String, String> members = new LinkedHashMap<>();
      reader.skipSpace();
      reader.expect('{');
      reader.skipSpace();
      if (!reader.take('}')) {
        do {
          reader.skipSpace();
          String name = reader.readString();
          reader.skipSpace();
          reader.expect(':');
          reader.skipSpace();
          int start = reader.pos;
          reader.skipValue();
          members.put(name, json.substring(start, reader.pos));
          reader.skipSpace();
        } while (reader.take(','));
        reader.expect('}');
      }
      reader.skipSpace();
      if (reader.pos != json.length()) {
        return Map.of();
      }
      return Collections.unmodifiableMap(members);
    } catch (Malformed e) {
      return Map.of();
    }
  }

  /**
   * Decodes a JSON string.
   *
   * @param raw the raw JSON text of a value, for example {@code "line\n2"}
   * @return the decoded string; empty when the value is not a string
   */
  static Optional<String> string(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    JsonMembers reader = new JsonMembers(raw.strip());
    try {
      String value = reader.readString();
      return reader.pos == reader.text.length() ? Optional.of(value) : Optional.empty();
    } catch (Malformed e) {
      return Optional.empty();
    }
  }

  /**
   * Decodes a JSON array of strings.
   *
   * @param raw the raw JSON text of a value, for example {@code ["a","b"]}
   * @return the decoded strings; empty when the value is not an array of strings only
   */
  static Optional<List<String>> strings(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    JsonMembers reader = new JsonMembers(raw.strip());
    try {
      List<String> values = new ArrayList<>();
      reader.expect('[');
      reader.skipSpace();
      if (!reader.take(']')) {
        do {
          reader.skipSpace();
          values.add(reader.readString());
          reader.skipSpace();
        } while (reader.take(','));
        reader.expect(']');
      }
      return reader.pos == reader.text.length()
          ? Optional.of(List.copyOf(values))
          : Optional.empty();
    } catch (Malformed e) {
      return Optional.empty();
    }
  }

  /**
   * Quotes a string as JSON.
   *
   * @param value the string
   * @return for example {@code "say \"hi\""}
   */
  static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private void skipValue() {
    if (pos >= text.length()) {
      throw new Malformed();
    }
    char c = text.charAt(pos);
    switch (c) {
      case '"' -> readString();
      case '{' -> skipContainer('{', '}', true);
      case '[' -> skipContainer('[', ']', false);
      case 't' -> literal("true");
      case 'f' -> literal("false");
      case 'n' -> literal("null");
      default -> skipNumber();
    }
  }

  private void skipContainer(char open, char close, boolean object) {
    expect(open);
    skipSpace();
    if (take(close)) {
      return;
    }
    do {
      skipSpace();
      if (object) {
        readString();
        skipSpace();
        expect(':');
        skipSpace();
      }
      skipValue();
      skipSpace();
    } while (take(','));
    expect(close);
  }

  private void literal(String word) {
    if (!text.startsWith(word, pos)) {
      throw new Malformed();
    }
    pos += word.length();
  }

  private void skipNumber() {
    int start = pos;
    while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    String number = text.substring(start, pos);
    if (!number.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
      throw new Malformed();
    }
  }

  private String readString() {
    expect('"');
    StringBuilder out = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        throw new Malformed();
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (pos >= text.length()) {
        throw new Malformed();
      }
      char escaped = text.charAt(pos++);
      switch (escaped) {
        case '"', '\\', '/' -> out.append(escaped);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          int code = 0;
          for (int end = pos + 4; pos < end; pos++) {
            int digit = pos < text.length() ? Character.digit(text.charAt(pos), 16) : -1;
            if (digit < 0) {
              throw new Malformed();
            }
            code = code * 16 + digit;
          }
          out.append((char) code);
        }
        default -> throw new Malformed();
      }
    }
    throw new Malformed();
  }

  private void skipSpace() {
    while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
  }

  private boolean take(char c) {
    if (pos < text.length() && text.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!take(c)) {
      throw new Malformed();
    }
  }

  /** Not well-formed JSON; cheap, without a stack trace. */
  private static final class Malformed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Malformed() {
      super(null, null, false, false);
    }
  }
}
