package dev.fn4j.core.local;

import dev.fn4j.core.catalog.FunctionCatalog;
import dev.fn4j.core.catalog.FunctionDefinition;
import dev.fn4j.core.catalog.FunctionKind;
import dev.fn4j.core.convert.JsonText;

/** The local runner's {@code GET /}: every function with its kind, types, method and path. */
final class FunctionListing {

  private FunctionListing() {}

  static String toJson(FunctionCatalog catalog, String selection) {
    StringBuilder json = new StringBuilder(64 + 160 * catalog.size()).append("{\"functions\":[");
    boolean first = true;
    for (FunctionDefinition function : catalog.functions()) {
      json.append(first ? "" : ",").append("{\"name\":");
      first = false;
      JsonText.quote(json, function.name()).append(",\"kind\":");
      JsonText.quote(json, function.kind().label()).append(",\"input\":");
      JsonText.quote(
          json, function.kind() == FunctionKind.SUPPLIER ? null : typeName(function, true));
      json.append(",\"output\":");
      JsonText.quote(
          json, function.kind() == FunctionKind.CONSUMER ? null : typeName(function, false));
      json.append(",\"method\":");
      JsonText.quote(json, function.kind() == FunctionKind.SUPPLIER ? "GET" : "POST");
      json.append(",\"path\":");
      JsonText.quote(json, "/" + function.name()).append('}');
    }
    json.append(']');
    if (selection != null) {
      JsonText.quote(json.append(",\"selected\":"), selection);
    }
    return json.append('}').toString();
  }

  private static String typeName(FunctionDefinition function, boolean input) {
    return (input ? function.inputType() : function.outputType()).getTypeName();
  }
}
