package dev.fn4j.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.function.TypeRef;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pipelines {@code a|b|c}: splitting, kind rules and the kind of the whole. */
class CompositionTest {

  private final FunctionCatalog catalog =
      FunctionCatalog.of(
          registry ->
              registry
                  .function("upper", String.class, String.class, s -> s.toUpperCase(Locale.ROOT))
                  .function("trim", String.class, String.class, String::trim)
                  .supplier("clock", TypeRef.of(String.class), () -> "12:00")
                  .consumer("sink", TypeRef.of(String.class), s -> {}));

  @Test
  void splitsOnPipesAndCommasAndTrimsNames() {
    // when
    List<String> names = Composition.split(" upper | trim,upper ");

    // then
    assertThat(names).containsExactly("upper", "trim", "upper");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", " ", "|upper", "upper|", "upper||trim", "upper, ,trim", "upper,|trim"})
  void refusesAnEmptyName(String definition) {
    // when / then
    assertThatThrownBy(() -> Composition.split(definition))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("Function definition '" + definition + "' has an empty name");
  }

  @Test
  void acceptsSixteenStagesAndRefusesSeventeen() {
    // given
    String sixteen = IntStream.range(0, 16).mapToObj(i -> "trim").collect(Collectors.joining("|"));
    String seventeen = sixteen + "|trim";

    // when
    Composition longest = Composition.resolve(catalog, sixteen);

    // then
    assertThat(longest.stages()).hasSize(Composition.MAX_STAGES);
    assertThatThrownBy(() -> Composition.resolve(catalog, seventeen))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("more than 16 stages");
  }

  @Test
  void resolvesStagesInCallOrder() {
    // when
    Composition composition = Composition.resolve(catalog, "trim , upper");

    // then
    assertThat(composition.stages())
        .extracting(FunctionDefinition::name)
        .containsExactly("trim", "upper");
    assertThat(composition.first().name()).isEqualTo("trim");
    assertThat(composition.last().name()).isEqualTo("upper");
    assertThat(composition.isSingle()).isFalse();
    assertThat(composition.name()).isEqualTo("trim|upper");
    assertThat(composition.definition()).isEqualTo("trim , upper");
  }

  @Test
  void treatsOneFunctionAsASingleStage() {
    // when
    Composition single = Composition.resolve(catalog, "upper");

    // then
    assertThat(single.isSingle()).isTrue();
    assertThat(single.name()).isEqualTo("upper");
    assertThat(single.kind()).isEqualTo(FunctionKind.FUNCTION);
  }

  @Test
  void namesTheUnknownStageAndTheDefinition() {
    // when / then
    assertThatThrownBy(() -> Composition.resolve(catalog, "upper|nope"))
        .isInstanceOfSatisfying(
            UnknownFunctionException.class, e -> assertThat(e.functionName()).isEqualTo("nope"))
        .hasMessage("No function named 'nope' (in 'upper|nope')");
  }

  @Test
  void namesAnUnknownSingleFunctionWithoutRepeatingIt() {
    // when / then
    assertThatThrownBy(() -> Composition.resolve(catalog, "nope"))
        .isInstanceOf(UnknownFunctionException.class)
        .hasMessage("No function named 'nope'");
  }

  @Test
  void allowsASupplierOnlyFirst() {
    // when
    Composition fromSupplier = Composition.resolve(catalog, "clock|upper");

    // then
    assertThat(fromSupplier.kind()).isEqualTo(FunctionKind.SUPPLIER);
    assertThatThrownBy(() -> Composition.resolve(catalog, "upper|clock"))
        .isInstanceOf(CatalogException.class)
        .hasMessage("In 'upper|clock', supplier 'clock' can only come first");
  }

  @Test
  void allowsAConsumerOnlyLast() {
    // when
    Composition toConsumer = Composition.resolve(catalog, "upper|trim|sink");

    // then
    assertThat(toConsumer.kind()).isEqualTo(FunctionKind.CONSUMER);
    assertThatThrownBy(() -> Composition.resolve(catalog, "sink|upper"))
        .isInstanceOf(CatalogException.class)
        .hasMessage("In 'sink|upper', consumer 'sink' can only come last");
  }

  @Test
  void refusesASecondSupplierEvenAfterASupplier() {
    // when / then
    assertThatThrownBy(() -> Composition.resolve(catalog, "clock|clock"))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("supplier 'clock' can only come first");
  }

  @Test
  void reportsASupplierToConsumerPipelineAsASupplier() {
    // when
    Composition pipeline = Composition.resolve(catalog, "clock|upper|sink");

    // then
    assertThat(pipeline.kind()).isEqualTo(FunctionKind.SUPPLIER);
  }

  @Test
  void reportsTheKindOfASingleSupplierOrConsumer() {
    // when / then
    assertThat(Composition.resolve(catalog, "clock").kind()).isEqualTo(FunctionKind.SUPPLIER);
    assertThat(Composition.resolve(catalog, "sink").kind()).isEqualTo(FunctionKind.CONSUMER);
  }

  @Test
  void refusesAnEmptyStageList() {
    // when / then
    assertThatThrownBy(() -> new Composition("", List.of()))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("names no function");
  }
}
