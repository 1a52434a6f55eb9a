package dev.fn4j.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class YamlTest {

  private static Object parse(String yaml) {
    return new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
  }

  @Test
  void nested_maps_and_lists_read_back_equal() {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("name", "hello");
    document.put("memory", 512);
    document.put("snapStart", true);
    document.put("args", List.of("-jar", "/code/hello.jar"));
    document.put(
        "triggers",
        List.of(
            Map.of("triggerName", "http", "triggerConfig", Map.of("methods", List.of("GET"))),
            Map.of("Fn::GetAtt", List.of("OrdersQueue", "Arn"))));
    document.put("empty", List.of());
    document.put("nothing", null);

    assertThat(parse(Yaml.write(document))).isEqualTo(document);
  }

  @Test
  void strings_a_plain_scalar_would_misread_are_quoted() {
    List<String> tricky =
        List.of(
            "true",
            "no",
            "on",
            "null",
            "~",
            "3",
            "0x1F",
            "1e3",
            "12:30",
            "",
            " padded",
            "a: b",
            "# not a comment",
            "- item",
            "* star",
            "!tag",
            "&anchor",
            "@at",
            "`tick`",
            "quote\"d",
            "back\\slash",
            "line\nbreak",
            "tab\there",
            "cron(0 6 ? * 2-6 *)",
            "2010-09-09",
            "CRON_TZ=UTC 0 0 6 * * 1-5",
            "{not: a map}",
            "[1]",
            "%percent",
            "|pipe",
            ">fold");
    for (String text : tricky) {
      Map<String, Object> document = Map.of("value", text);
      assertThat(parse(Yaml.write(document))).as(text).isEqualTo(document);
    }
  }

  @Test
  void plain_words_and_paths_stay_plain() {
    assertThat(Yaml.scalar("dev.fn4j.aws.LambdaHandler")).isEqualTo("dev.fn4j.aws.LambdaHandler");
    assertThat(Yaml.scalar("/uppercase")).isEqualTo("/uppercase");
    assertThat(Yaml.scalar("AWS::Serverless::Function")).isEqualTo("\"AWS::Serverless::Function\"");
  }

  @Test
  void several_documents_are_separated() {
    String yaml = Yaml.writeAll(List.of(Map.of("kind", "Service"), Map.of("kind", "Trigger")));

    assertThat(yaml).isEqualTo("kind: Service\n---\nkind: Trigger\n");
  }
}
