package dev.fn4j.knative;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.fn4j.core.platform.Environment;
import dev.fn4j.core.platform.Launcher;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KnativePlatformTest {

  static final Launcher LAUNCHER = Launcher.discover(KnativePlatformTest.class.getClassLoader());

  @Test
  void knative_serving_and_sink_bindings_are_detected_by_their_variables() {
    assertThat(LAUNCHER.select(Environment.of(Map.of("K_SERVICE", "svc"))).id())
        .isEqualTo("knative");
    assertThat(LAUNCHER.select(Environment.of(Map.of("K_SINK", "http://broker/"))).id())
        .isEqualTo("knative");
    assertThat(LAUNCHER.select(Environment.of(Map.of("FN4J_PLATFORM", "knative"))).id())
        .isEqualTo("knative");
    assertThat(LAUNCHER.select(Environment.of(Map.of())).id()).isEqualTo("local");
  }

  @Test
  void knative_yields_to_the_lambda_runtime_api_which_never_sets_k_service() {
    assertThat(new KnativePlatform().priority()).isLessThan(100).isGreaterThan(0);
  }

  @Test
  void on_knative_the_server_listens_on_all_interfaces_and_port_8080_by_default() {
    KnativeSettings settings = KnativeSettings.from(Environment.of(Map.of("K_SERVICE", "s")));
    assertThat(settings.http().host()).isEqualTo("0.0.0.0");
    assertThat(settings.http().port()).isEqualTo(8080);
    assertThat(KnativeSettings.from(Environment.of(Map.of("PORT", "9000"))).http().port())
        .isEqualTo(9000);
  }

  @Test
  void the_adapter_names_no_other_vendor_and_the_event_codec_no_server() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.fn4j.knative");
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.amazonaws..",
            "com.aliyun..",
            "com.microsoft..",
            "com.google..",
            "io.cloudevents..",
            "org.springframework..",
            "io.quarkus..",
            "dev.fn4j.aws..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("dev.fn4j.knative.event..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.sun.net.httpserver..", "dev.fn4j.knative", "dev.fn4j.knative.sink..")
        .check(classes);
  }
}
