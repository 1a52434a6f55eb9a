package dev.fn4j.alibaba.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * Reads any JSON value of a string map as text: a string as it is, a number or boolean as its
 * literal, an object or array as its JSON text. Members that FC or a message service passes through
 * (message attributes, message properties) are text by convention, but a single structured value
 * must not fail the whole event.
 */
final class TextValue extends StdDeserializer<String> {

  private static final long serialVersionUID = 1L;

  TextValue() {
    super(String.class);
  }

  @Override
  public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      return parser.getText();
    }
    if (token.isScalarValue()) {
      return parser.getValueAsString();
    }
    JsonNode tree = context.readTree(parser);
    return tree.toString();
  }
}
