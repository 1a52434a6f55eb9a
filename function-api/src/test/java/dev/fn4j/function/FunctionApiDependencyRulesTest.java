package dev.fn4j.function;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.conditions.ArchConditions;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionApiDependencyRulesTest {

  private static final String API_PACKAGE = "dev.fn4j.function";

  private static final int MAX_PUBLIC_TYPES = 15;

  private static final JavaClasses API =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(API_PACKAGE);

  private static List<JavaClass> publicTopLevelTypes() {
    return API.stream()
        .filter(type -> type.getPackageName().equals(API_PACKAGE))
        .filter(JavaClass::isTopLevelClass)
        .filter(type -> type.getModifiers().contains(JavaModifier.PUBLIC))
        .filter(type -> !type.getSimpleName().equals("package-info"))
        .toList();
  }

  @Test
  void importHoldsTheApiAndNoTestClass() {
    // given / when
    List<String> names = API.stream().map(JavaClass::getSimpleName).toList();

    // then
    assertThat(names)
        .contains("Headers", "Message", "InvocationContext", "HttpReply", "TypeRef")
        .noneMatch(name -> name.endsWith("Test"));
  }

  @Test
  void apiDependsOnlyOnJavaPackages() {
    // given
    ArchRule rule =
        classes()
            .that()
            .resideInAPackage(API_PACKAGE)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", API_PACKAGE)
            .because("a function written against the API must not pull in any library");

    // when / then
    rule.check(API);
  }

  @Test
  void apiUsesNoVendorSpringJacksonOrReactorType() {
    // given
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage(API_PACKAGE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "javax..",
                "jakarta..",
                "org.springframework..",
                "com.fasterxml.jackson..",
                "tools.jackson..",
                "com.fasterxml.jackson..",
                "reactor..",
                "org.reactivestreams..",
                "io.micronaut..",
                "io.quarkus..",
                "com.amazonaws..",
                "software.amazon..",
                "com.google.cloud..",
                "com.microsoft.azure..",
                "com.aliyun..",
                "io.cloudevents..",
                "org.slf4j..");

    // when / then
    rule.check(API);
  }

  @Test
  void publicTopLevelTypesAreInterfacesAnnotationsOrAbstractClasses() {
    // given
    ArchRule rule =
        classes()
            .that()
            .resideInAPackage(API_PACKAGE)
            .and()
            .arePublic()
            .and()
            .areTopLevelClasses()
            .should()
            .beInterfaces()
            .orShould(ArchConditions.be(JavaClass.Predicates.ANNOTATIONS))
            .orShould()
            .haveModifier(JavaModifier.ABSTRACT);

    // when / then
    rule.check(API);
  }

  @Test
  void implementationsArePackagePrivate() {
    // given
    ArchRule rule =
        classes()
            .that()
            .resideInAPackage(API_PACKAGE)
            .and()
            .areNotInterfaces()
            .and()
            .doNotHaveModifier(JavaModifier.ABSTRACT)
            .should()
            .notBePublic()
            .andShould()
            .notBeProtected()
            .because("callers reach implementations only through the interfaces' factories");

    // when / then
    rule.check(API);
  }

  @Test
  void typeRefIsTheOnlyPublicClass() {
    // given / when
    List<String> publicClasses =
        publicTopLevelTypes().stream()
            .filter(type -> !type.isInterface() && !type.isAnnotation())
            .map(JavaClass::getSimpleName)
            .toList();

    // then
    assertThat(publicClasses).containsExactly("TypeRef");
  }

  @Test
  void thereAreAtMostFifteenPublicTopLevelTypes() {
    // given / when
    List<String> publicTypes =
        publicTopLevelTypes().stream().map(JavaClass::getSimpleName).toList();

    // then
    assertThat(publicTypes)
        .contains("Headers", "Cookie", "HttpReply", "TypeRef", "FunctionName")
        .hasSizeLessThanOrEqualTo(MAX_PUBLIC_TYPES);
  }
}
