package dev.fn4j.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The BOM lists exactly the published modules of the build, and the build's versions stay in one
 * place: a module added without a BOM entry, or a BOM entry whose module was removed, fails here.
 */
class BomMatchesModulesTest {

  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
  private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
  private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");
  private static final Pattern DEPENDENCY_OR_PLUGIN =
      Pattern.compile(
          "(<(?:dependency|plugin)>(?:(?!</?(?:dependency|plugin)>).)*</(?:dependency|plugin)>)",
          Pattern.DOTALL);

  @Test
  void bomListsEveryPublishedModuleAndNothingElse() throws Exception {
    // given
    Set<String> published = new TreeSet<>();
    for (String module : modules()) {
      String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
      String artifact = ownArtifactId(pom);
      boolean isPublished =
          !module.startsWith("samples/")
              && !module.startsWith("benchmarks")
              && !artifact.equals("fn4j-bom")
              && !artifact.endsWith("-parent");
      if (isPublished) {
        published.add(artifact);
      }
    }

    // when
    String bom = Files.readString(ROOT.resolve("starters/bom/pom.xml"));
    Set<String> listed =
        new TreeSet<>(all(ARTIFACT, between(bom, "<dependencies>", "</dependencies>")));

    // then
    assertThat(published).isNotEmpty().contains("fn4j-function-api", "fn4j-adapter-core");
    assertThat(listed).isEqualTo(published);
  }

  @Test
  void bomUsesTheParentsSpotlessVersionSoFormattingResolvesEverywhere() throws Exception {
    String parent = Files.readString(ROOT.resolve("pom.xml"));
    String bom = Files.readString(ROOT.resolve("starters/bom/pom.xml"));
    String version = first(Pattern.compile("<spotless-plugin.version>([^<]+)<"), parent);

    assertThat(between(bom, "<artifactId>spotless-maven-plugin</artifactId>", "</plugin>"))
        .contains("<version>" + version + "</version>");
  }

  @Test
  void modulePomsNameNoVersionsOfTheirOwn() throws Exception {
    for (String module : modules()) {
      if (module.equals("starters/bom")) {
        continue;
      }
      String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
      String own =
          pom.substring(pom.indexOf("</parent>"))
              .replaceAll("(?s)<configuration>.*?</configuration>", "");
      for (String block : all(DEPENDENCY_OR_PLUGIN, own)) {
        if (namesARootVersionProperty(block)) {
          continue;
        }
        assertThat(block)
            .as(module + " declares its own version in " + block)
            .doesNotContain("<version>");
      }
    }
  }

  /**
   * A version that is a property of the root pom (the Spring starters' parent imports Spring Boot's
   * BOM that way, so that it governs only them) keeps the version in the one place.
   */
  private static boolean namesARootVersionProperty(String block) throws Exception {
    Matcher version = Pattern.compile("<version>\\$\\{([^}]+)}</version>").matcher(block);
    return version.find()
        && Files.readString(ROOT.resolve("pom.xml")).contains("<" + version.group(1) + ">");
  }

  private static List<String> modules() throws Exception {
    return all(MODULE, Files.readString(ROOT.resolve("pom.xml")));
  }

  private static String ownArtifactId(String pom) {
    String afterParent = pom.contains("</parent>") ? pom.substring(pom.indexOf("</parent>")) : pom;
    return first(ARTIFACT, afterParent);
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start);
    int to = text.indexOf(end, from);
    assertThat(from).as("'" + start + "' present").isNotNegative();
    return text.substring(from, to);
  }

  private static String first(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    assertThat(matcher.find()).as(pattern.pattern()).isTrue();
    return matcher.group(1);
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }
}
