package dev.fn4j.maven;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes maps, lists and scalars as block-style YAML, keys in the maps' order, strings quoted
 * whenever a plain scalar could be read as something else (a number, a boolean, null, a tag, a
 * comment). Small on purpose: the descriptors need nothing more, and a YAML library on the plugin's
 * class path could clash with a project's.
 */
public final class Yaml {

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/.$][A-Za-z0-9_./${}()\\-=]*");
  private static final Pattern SPECIAL =
      Pattern.compile(
          "(?i)(true|false|yes|no|on|off|y|n|null|~|[-+]?(\\.inf|\\.nan)|[-+]?[0-9][0-9_.:eE+\\-xXoObB]*)");

  private Yaml() {}

  /**
   * Writes a document.
   *
   * @param document a map of strings to maps, lists, strings, numbers, booleans or null
   * @return the YAML text, ending with a newline
   */
  public static String write(Map<String, ?> document) {
    StringBuilder out = new StringBuilder();
    writeMap(out, document, 0);
    return out.toString();
  }

  /**
   * Writes several documents separated by {@code ---}.
   *
   * @param documents the documents
   * @return the YAML text
   */
  public static String writeAll(List<? extends Map<String, ?>> documents) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < documents.size(); i++) {
      if (i > 0) {
        out.append("---\n");
      }
      writeMap(out, documents.get(i), 0);
    }
    return out.toString();
  }

  private static void writeMap(StringBuilder out, Map<?, ?> map, int indent) {
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      indent(out, indent);
      out.append(scalar(String.valueOf(entry.getKey()))).append(':');
      writeValue(out, entry.getValue(), indent);
    }
  }

  /** Writes what follows a key's colon: a scalar on the line, a collection below it. */
  private static void writeValue(StringBuilder out, Object value, int indent) {
    if (value instanceof Map<?, ?> map && !map.isEmpty()) {
      out.append('\n');
      writeMap(out, map, indent + 2);
    } else if (value instanceof List<?> list && !list.isEmpty()) {
      out.append('\n');
      writeList(out, list, indent + 2);
    } else {
      out.append(' ').append(inline(value)).append('\n');
    }
  }

  private static void writeList(StringBuilder out, List<?> list, int indent) {
    for (Object item : list) {
      indent(out, indent);
      out.append('-');
      if (item instanceof Map<?, ?> map && !map.isEmpty()) {
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          if (first) {
            out.append(' ');
            first = false;
          } else {
            indent(out, indent + 2);
          }
          out.append(scalar(String.valueOf(entry.getKey()))).append(':');
          writeValue(out, entry.getValue(), indent + 2);
        }
      } else if (item instanceof List<?> nested && !nested.isEmpty()) {
        out.append('\n');
        writeList(out, nested, indent + 2);
      } else {
        out.append(' ').append(inline(item)).append('\n');
      }
    }
  }

  private static String inline(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Map<?, ?>) {
      return "{}";
    }
    if (value instanceof List<?>) {
      return "[]";
    }
    if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      return value.toString();
    }
    return scalar(value.toString());
  }

  /**
   * Returns a string as a YAML scalar: plain when nothing could misread it, else double-quoted.
   *
   * @param text the string
   * @return the scalar
   */
  static String scalar(String text) {
    if (!text.isEmpty() && PLAIN.matcher(text).matches() && !SPECIAL.matcher(text).matches()) {
      return text;
    }
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        default -> {
          if (c < 0x20) {
            quoted.append(String.format("\\x%02x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }

  private static void indent(StringBuilder out, int indent) {
    out.append(" ".repeat(indent));
  }
}
