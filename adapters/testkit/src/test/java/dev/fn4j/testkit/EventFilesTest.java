package dev.fn4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventFilesTest {

  @Test
  void text_reads_an_event_file_from_the_test_class_path() {
    // when
    String event = EventFiles.text("events/testkit/greeting/ok.json");

    // then
    assertThat(event).isEqualTo("{\"name\": \"Ada\", \"language\": \"en\"}\n");
  }

  @Test
  void text_decodes_the_file_as_utf_8() {
    assertThat(EventFiles.text("events/testkit/text/unicode.txt")).isEqualTo("Grüße, 你好, 😀\n");
  }

  @Test
  void bytes_returns_the_file_untouched_and_a_fresh_copy_each_time() {
    // when
    byte[] first = EventFiles.bytes("events/testkit/text/unicode.txt");
    first[0] = 'X';
    byte[] second = EventFiles.bytes("events/testkit/text/unicode.txt");

    // then
    assertThat(second).isEqualTo("Grüße, 你好, 😀\n".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void a_leading_slash_is_ignored() {
    assertThat(EventFiles.text("/events/testkit/text/ascii.txt")).isEqualTo("plain ascii\n");
  }

  @Test
  void a_missing_file_is_an_error_naming_it_and_the_files_next_to_it() {
    assertThatThrownBy(() -> EventFiles.text("events/testkit/greeting/nope.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'events/testkit/greeting/nope.json'")
        .hasMessageContaining("[fail.json, ok.json]");
  }

  @Test
  void a_file_in_a_missing_folder_is_an_error_saying_the_folder_is_missing_too() {
    assertThatThrownBy(() -> EventFiles.bytes("events/nobody/nothing/ok.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'events/nobody/nothing/ok.json'")
        .hasMessageContaining("no folder 'events/nobody/nothing'");
  }

  @Test
  void a_folder_is_not_read_as_an_event_file() {
    assertThatThrownBy(() -> EventFiles.text("events/testkit/greeting"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is a folder");
  }

  @Test
  void list_returns_every_file_under_a_folder_and_its_sub_folders_sorted() {
    assertThat(EventFiles.list("events/testkit"))
        .containsExactly(
            "events/testkit/greeting/fail.json",
            "events/testkit/greeting/ok.json",
            "events/testkit/text/ascii.txt",
            "events/testkit/text/unicode.txt");
  }

  @Test
  void list_with_a_glob_keeps_the_files_whose_name_matches() {
    assertThat(EventFiles.list("events/testkit/", "*.json"))
        .containsExactly("events/testkit/greeting/fail.json", "events/testkit/greeting/ok.json");
  }

  @Test
  void listed_names_can_be_read_back() {
    for (String name : EventFiles.list("events/testkit/greeting")) {
      assertThat(EventFiles.text(name)).startsWith("{\"name\"");
    }
  }

  @Test
  void list_of_a_missing_folder_is_an_error_naming_it() {
    assertThatThrownBy(() -> EventFiles.list("events/nobody"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'events/nobody/'");
  }

  @Test
  void list_finds_files_inside_a_jar(@TempDir Path temp) throws IOException {
    // given
    Path jar = temp.resolve("events.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      directory(out, "events/");
      directory(out, "events/jarred/");
      directory(out, "events/jarred/sqs/");
      file(out, "events/jarred/sqs/ok.json", "{\"Records\":[]}");
      file(out, "events/jarred/sqs/fail.json", "{}");
      file(out, "events/other.json", "{}");
    }

    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      // when
      var files = EventFiles.list(loader, "events/jarred", "*");

      // then
      assertThat(files).containsExactly("events/jarred/sqs/fail.json", "events/jarred/sqs/ok.json");
      assertThat(EventFiles.text(loader, files.get(1))).isEqualTo("{\"Records\":[]}");
    }
  }

  @Test
  void list_merges_a_folder_found_in_several_class_path_roots(@TempDir Path temp)
      throws IOException {
    // given
    Path one = temp.resolve("one/events/merged");
    Path two = temp.resolve("two/events/merged");
    Files.createDirectories(one);
    Files.createDirectories(two);
    Files.writeString(one.resolve("a.json"), "{}");
    Files.writeString(two.resolve("b.json"), "{}");
    URL[] roots = {temp.resolve("one").toUri().toURL(), temp.resolve("two").toUri().toURL()};

    try (URLClassLoader loader = new URLClassLoader(roots, null)) {
      // when / then
      assertThat(EventFiles.list(loader, "events/merged", "*.json"))
          .containsExactly("events/merged/a.json", "events/merged/b.json");
    }
  }

  private static void directory(JarOutputStream out, String name) throws IOException {
    out.putNextEntry(new JarEntry(name));
    out.closeEntry();
  }

  private static void file(JarOutputStream out, String name, String text) throws IOException {
    out.putNextEntry(new JarEntry(name));
    OutputStream entry = out;
    entry.write(text.getBytes(StandardCharsets.UTF_8));
    out.closeEntry();
  }
}
