package dev.fn4j.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The core stays neutral (DESIGN.md §1): no vendor, broker or Spring type; Reactor only behind one
 * class, so it stays optional; no public mutable static state.
 */
class CoreArchitectureTest {

  private static final String[] CORE = {"dev.fn4j.core..", "dev.fn4j.launcher.."};

  private static final String REACTOR_SUPPORT = "dev.fn4j.core.reactive.ReactorSupport";

  private static final JavaClasses PRODUCTION =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.fn4j.core", "dev.fn4j.launcher");

  private static final Set<String> MUTABLE_TYPES =
      Set.of(
          "java.util.ArrayList",
          "java.util.LinkedList",
          "java.util.HashMap",
          "java.util.LinkedHashMap",
          "java.util.TreeMap",
          "java.util.HashSet",
          "java.util.LinkedHashSet",
          "java.util.TreeSet",
          "java.util.Date",
          "java.lang.StringBuilder",
          AtomicInteger.class.getName(),
          "java.util.concurrent.atomic.AtomicLong",
          "java.util.concurrent.atomic.AtomicBoolean",
          "java.util.concurrent.atomic.AtomicReference");

  static ArchRule noVendorOrSpringTypes() {
    return noClasses()
        .that()
        .resideInAnyPackage(CORE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.amazonaws..",
            "com.aliyun..",
            "com.microsoft.azure..",
            "com.google.cloud..",
            "io.cloudevents..",
            "org.springframework..",
            "io.quarkus..")
        .because("the core never names a vendor, broker or Spring type (DESIGN.md §1)");
  }

  static ArchRule reactorOnlyInReactorSupport() {
    return noClasses()
        .that()
        .resideInAnyPackage(CORE)
        .and()
        .doNotHaveFullyQualifiedName(REACTOR_SUPPORT)
        .should()
        .dependOnClassesThat()
        .resideInAPackage("reactor..")
        .because("Reactor is optional: only ReactorSupport may touch it");
  }

  static ArchRule publicStaticFieldsAreFinal() {
    return fields()
        .that()
        .areDeclaredInClassesThat()
        .resideInAnyPackage(CORE)
        .and()
        .arePublic()
        .and()
        .areStatic()
        .should()
        .beFinal()
        .andShould(holdImmutableValues())
        .because("public static state would be shared by every function in the process");
  }

  private static ArchCondition<JavaField> holdImmutableValues() {
    return new ArchCondition<>("hold no array or mutable JDK type") {
      @Override
      public void check(JavaField field, ConditionEvents events) {
        JavaClass type = field.getRawType();
        boolean mutable = type.isArray() || MUTABLE_TYPES.contains(type.getName());
        if (mutable) {
          events.add(
              SimpleConditionEvent.violated(
                  field, field.getFullName() + " is of mutable type " + type.getName()));
        }
      }
    };
  }

  @Test
  void importsTheProductionClassesAndNoTestClass() {
    // when
    List<String> names = PRODUCTION.stream().map(JavaClass::getName).toList();

    // then
    assertThat(names)
        .contains(
            "dev.fn4j.core.catalog.FunctionCatalog",
            "dev.fn4j.core.dispatch.Router",
            "dev.fn4j.core.local.LocalPlatform",
            "dev.fn4j.launcher.Main",
            REACTOR_SUPPORT)
        .noneMatch(name -> name.endsWith("Test") || name.contains(".fixtures."));
  }

  @Test
  void coreDependsOnNoVendorOrSpringType() {
    noVendorOrSpringTypes().check(PRODUCTION);
  }

  @Test
  void onlyReactorSupportReferencesReactor() {
    reactorOnlyInReactorSupport().check(PRODUCTION);
  }

  @Test
  void reactorSupportIsReachedOnlyThroughDetection() {
    classes()
        .that()
        .haveFullyQualifiedName(REACTOR_SUPPORT)
        .should()
        .onlyHaveDependentClassesThat()
        .haveNameMatching(
            "dev\\.fn4j\\.core\\.reactive\\.(ReactorSupport|ReactiveSupport\\$Detection)")
        .because("loading ReactorSupport needs Reactor; only the guarded detection may do it")
        .check(PRODUCTION);
  }

  @Test
  void coreHasNoPublicMutableStaticField() {
    publicStaticFieldsAreFinal().check(PRODUCTION);
  }

  /** Uses Reactor outside ReactorSupport, in a core package: the rule must catch it. */
  static final class ReactorUser {
    Object wrap(String value) {
      return Mono.just(value);
    }
  }

  /** Holds public mutable static state: the rule must catch it. */
  static final class MutableState {
    public static int counter;
    public static final int[] SLOTS = new int[1];
    public static final int LIMIT = 3;
  }

  @Test
  void theReactorRuleCatchesAViolation() {
    // given
    JavaClasses violating = new ClassFileImporter().importClasses(ReactorUser.class);

    // when
    var result = reactorOnlyInReactorSupport().evaluate(violating);

    // then
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString()).contains("reactor.core.publisher.Mono");
  }

  @Test
  void theStaticFieldRuleCatchesNonFinalAndArrayFields() {
    // given
    JavaClasses violating = new ClassFileImporter().importClasses(MutableState.class);

    // when
    var result = publicStaticFieldsAreFinal().evaluate(violating);

    // then
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anyMatch(line -> line.contains("counter"))
        .anyMatch(line -> line.contains("SLOTS"))
        .noneMatch(line -> line.contains("LIMIT"));
  }
}
