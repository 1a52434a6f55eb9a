package dev.fn4j.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.core.catalog.CatalogException;
import dev.fn4j.core.catalog.Composition;
import dev.fn4j.core.catalog.FunctionCatalog;
import dev.fn4j.core.catalog.FunctionDefinition;
import dev.fn4j.core.dispatch.FunctionException;
import dev.fn4j.core.dispatch.Phase;
import dev.fn4j.core.dispatch.Router;
import dev.fn4j.core.dispatch.RoutingSettings;
import dev.fn4j.core.platform.Environment;
import dev.fn4j.function.Headers;
import dev.fn4j.function.TypeRef;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Routing by name, path, CloudEvent type and an allow-listed header; the selection wins. */
class RouterTest {

  private static final FunctionCatalog CATALOG =
      FunctionCatalog.of(
          registry ->
              registry
                  .function(
                      "uppercase", String.class, String.class, s -> s.toUpperCase(Locale.ROOT))
                  .function(
                      "reverse",
                      String.class,
                      String.class,
                      s -> new StringBuilder(s).reverse().toString())
                  .supplier("clock", TypeRef.of(String.class), () -> "12:00")
                  .consumer("sink", TypeRef.of(String.class), s -> {}));

  private static final FunctionCatalog SINGLE =
      FunctionCatalog.of(registry -> registry.function("only", String.class, String.class, s -> s));

  private static final FunctionCatalog EMPTY = FunctionCatalog.of(registry -> {});

  private static Router router(FunctionCatalog catalog, String... variables) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < variables.length; i += 2) {
      map.put(variables[i], variables[i + 1]);
    }
    return new Router(catalog, RoutingSettings.from(Environment.of(map)));
  }

  private static List<String> stages(Composition composition) {
    return composition.stages().stream().map(FunctionDefinition::name).toList();
  }

  private static FunctionException routeFailure(ThrowingCallable call) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
    assertThat(thrown).isInstanceOf(FunctionException.class);
    FunctionException failure = (FunctionException) thrown;
    assertThat(failure.kind()).isEqualTo(FunctionException.Kind.NO_SUCH_FUNCTION);
    assertThat(failure.phase()).isEqualTo(Phase.ROUTE);
    assertThat(failure.httpStatus()).isEqualTo(404);
    assertThat(failure.isUserFailure()).isFalse();
    return failure;
  }

  @Nested
  class ByName {

    @Test
    void resolvesAFunctionByItsName() {
      // when
      Composition function = router(CATALOG).byName("reverse");

      // then
      assertThat(stages(function)).containsExactly("reverse");
      assertThat(function.first().call("abc")).isEqualTo("cba");
    }

    @Test
    void resolvesACompositionWrittenWithPipesOrCommas() {
      // given
      Router router = router(CATALOG);

      // when / then
      assertThat(stages(router.byName("uppercase|reverse")))
          .containsExactly("uppercase", "reverse");
      assertThat(stages(router.byName("reverse,uppercase")))
          .containsExactly("reverse", "uppercase");
    }

    @Test
    void failsInTheRoutePhaseForAnUnknownName() {
      // when
      FunctionException failure = routeFailure(() -> router(CATALOG).byName("nope"));

      // then
      assertThat(failure.functionName()).isEqualTo("nope");
      assertThat(failure.detail()).contains("No function named 'nope'");
    }

    @Test
    void namesTheUnknownStageOfAComposition() {
      // when
      FunctionException failure = routeFailure(() -> router(CATALOG).byName("uppercase|nope"));

      // then
      assertThat(failure.functionName()).isEqualTo("nope");
      assertThat(failure.detail()).contains("(in 'uppercase|nope')");
    }

    @Test
    void failsInTheRoutePhaseForACompositionThatDoesNotCompose() {
      // when
      FunctionException failure = routeFailure(() -> router(CATALOG).byName("uppercase|clock"));

      // then
      assertThat(failure.functionName()).isEqualTo("uppercase|clock");
      assertThat(failure.detail()).contains("supplier 'clock' can only come first");
    }

    @Test
    void failsInTheRoutePhaseForAnEmptyStage() {
      // when
      FunctionException failure = routeFailure(() -> router(CATALOG).byName("uppercase||reverse"));

      // then
      assertThat(failure.detail()).contains("has an empty name");
    }
  }

  @Nested
  class ByPath {

    @Test
    void takesTheFirstPathSegmentAsTheFunctionName() {
      // given
      Router router = router(CATALOG);

      // when / then
      assertThat(stages(router.byPath("/reverse"))).containsExactly("reverse");
      assertThat(stages(router.byPath("/reverse/"))).containsExactly("reverse");
      assertThat(stages(router.byPath("/reverse/orders/42"))).containsExactly("reverse");
      assertThat(stages(router.byPath("reverse"))).containsExactly("reverse");
    }

    @Test
    void readsACompositionFromTheFirstSegment() {
      // given
      Router router = router(CATALOG);

      // when / then
      assertThat(stages(router.byPath("/uppercase|reverse")))
          .containsExactly("uppercase", "reverse");
      assertThat(stages(router.byPath("/uppercase,reverse/x")))
          .containsExactly("uppercase", "reverse");
    }

    @Test
    void failsInTheRoutePhaseForAnUnknownSegment() {
      // when
      FunctionException failure = routeFailure(() -> router(CATALOG).byPath("/nope/reverse"));

      // then
      assertThat(failure.functionName()).isEqualTo("nope");
    }

    @Test
    void usesConfiguredPrefixesLongestFirst() {
      // given: the shorter prefix is listed first, yet the longer one must win
      Router router =
          router(CATALOG, "FN4J_ROUTING_PATHS", "/v1=uppercase, /v1/flip=reverse,/api/x=sink");

      // when / then
      assertThat(stages(router.byPath("/v1/flip"))).containsExactly("reverse");
      assertThat(stages(router.byPath("/v1/flip/more"))).containsExactly("reverse");
      assertThat(stages(router.byPath("/v1"))).containsExactly("uppercase");
      assertThat(stages(router.byPath("/v1/other"))).containsExactly("uppercase");
      assertThat(stages(router.byPath("/api/x/1"))).containsExactly("sink");
    }

    @Test
    void matchesAPrefixOnlyAtASegmentBoundary() {
      // given
      Router router = router(CATALOG, "FN4J_ROUTING_PATHS", "/v1=uppercase");

      // when
      FunctionException failure = routeFailure(() -> router.byPath("/v1flip"));

      // then
      assertThat(failure.functionName()).isEqualTo("v1flip");
    }

    @Test
    void fallsBackToTheFirstSegmentWhenNoPrefixMatches() {
      // given
      Router router = router(CATALOG, "FN4J_ROUTING_PATHS", "/v1=uppercase");

      // when / then
      assertThat(stages(router.byPath("/reverse"))).containsExactly("reverse");
    }

    @Test
    void keepsConfiguredPrefixesLongestFirst() {
      // when
      RoutingSettings settings =
          RoutingSettings.from(
              Environment.of(Map.of("FN4J_ROUTING_PATHS", "/a=x,/abc/def=y,/ab=z")));

      // then
      assertThat(settings.paths().keySet()).containsExactly("/abc/def", "/ab", "/a");
      assertThat(settings.paths()).containsEntry("/ab", "z");
    }

    @Test
    void routesTheRootToTheOnlyFunction() {
      // when
      Composition function = router(SINGLE).byPath("/");

      // then
      assertThat(stages(function)).containsExactly("only");
    }

    @Test
    void refusesTheRootWhenThereAreSeveralFunctions() {
      // when
      FunctionException failure = routeFailure(() -> router(CATALOG).byPath("/"));

      // then
      assertThat(failure.detail()).contains("4 functions").contains("set FN4J_FUNCTION");
    }

    @Test
    void refusesTheRootWhenThereIsNoFunction() {
      // when
      FunctionException failure = routeFailure(() -> router(EMPTY).byPath("/"));

      // then
      assertThat(failure.detail()).contains("no function is registered");
    }
  }

  @Nested
  class ByEventType {

    @Test
    void usesTheConfiguredTypeMapping() {
      // given
      Router router =
          router(
              CATALOG,
              "FN4J_ROUTING_TYPES",
              "com.acme.order.created=reverse,com.acme.order.paid=uppercase|reverse");

      // when / then
      assertThat(stages(router.byEventType("com.acme.order.created"))).containsExactly("reverse");
      assertThat(stages(router.byEventType("com.acme.order.paid")))
          .containsExactly("uppercase", "reverse");
    }

    @Test
    void takesAFunctionNamedLikeTheType() {
      // when
      Composition function = router(CATALOG).byEventType("uppercase");

      // then
      assertThat(stages(function)).containsExactly("uppercase");
    }

    @Test
    void fallsBackToTheOnlyFunction() {
      // when
      Composition function = router(SINGLE).byEventType("com.acme.anything");

      // then
      assertThat(stages(function)).containsExactly("only");
    }

    @Test
    void failsInTheRoutePhaseForAnUnroutedType() {
      // when
      FunctionException failure = routeFailure(() -> router(CATALOG).byEventType("com.acme.x"));

      // then
      assertThat(failure.functionName()).isEqualTo("com.acme.x");
      assertThat(failure.detail()).contains("no function is routed for 'com.acme.x'");
    }

    @Test
    void failsInTheRoutePhaseWhenTheMappingNamesAnUnknownFunction() {
      // given
      Router router = router(CATALOG, "FN4J_ROUTING_TYPES", "com.acme.x=ghost");

      // when
      FunctionException failure = routeFailure(() -> router.byEventType("com.acme.x"));

      // then
      assertThat(failure.functionName()).isEqualTo("ghost");
    }

    @Test
    void refusesAMalformedMapping() {
      // when / then
      assertThatThrownBy(
              () -> RoutingSettings.from(Environment.of(Map.of("FN4J_ROUTING_TYPES", "a=b,c"))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("FN4J_ROUTING_TYPES")
          .hasMessageContaining("'c'");
    }
  }

  @Nested
  class ByHeader {

    @Test
    void isOffByDefault() {
      // given
      Headers headers =
          Headers.ofSingle(
              Map.of(
                  "spring.cloud.function.definition", "reverse",
                  "X-Fn4j-Function", "reverse",
                  "fn4j-function", "reverse"));

      // when
      var routed = router(CATALOG).byHeader(headers);

      // then
      assertThat(routed).isEmpty();
    }

    @Test
    void honoursTheConfiguredHeaderWhateverItsCase() {
      // given
      Router router = router(CATALOG, "FN4J_ROUTING_HEADER", "X-Route");

      // when
      var routed = router.byHeader(Headers.ofSingle(Map.of("x-route", "uppercase|reverse")));

      // then
      assertThat(routed).map(RouterTest::stages).contains(List.of("uppercase", "reverse"));
    }

    @Test
    void ignoresEveryOtherHeader() {
      // given
      Router router = router(CATALOG, "FN4J_ROUTING_HEADER", "X-Route");
      Headers headers =
          Headers.ofSingle(
              Map.of("spring.cloud.function.definition", "reverse", "X-Function", "reverse"));

      // when
      var routed = router.byHeader(headers);

      // then
      assertThat(routed).isEmpty();
    }

    @Test
    void failsInTheRoutePhaseWhenTheHeaderNamesAnUnknownFunction() {
      // given
      Router router = router(CATALOG, "FN4J_ROUTING_HEADER", "X-Route");

      // when
      FunctionException failure =
          routeFailure(() -> router.byHeader(Headers.ofSingle(Map.of("X-Route", "T(Runtime)"))));

      // then
      assertThat(failure.functionName()).isEqualTo("T(Runtime)");
    }
  }

  @Nested
  class Selection {

    @Test
    void sendsEveryRouteToTheSelectedFunction() {
      // given
      Router router =
          router(
              CATALOG,
              "FN4J_FUNCTION",
              "reverse",
              "FN4J_ROUTING_HEADER",
              "X-Route",
              "FN4J_ROUTING_TYPES",
              "com.acme.x=uppercase",
              "FN4J_ROUTING_PATHS",
              "/up=uppercase");

      // when / then
      assertThat(router.selected()).map(RouterTest::stages).contains(List.of("reverse"));
      assertThat(stages(router.byName("uppercase"))).containsExactly("reverse");
      assertThat(stages(router.byName("nope"))).containsExactly("reverse");
      assertThat(stages(router.byPath("/up"))).containsExactly("reverse");
      assertThat(stages(router.byPath("/uppercase"))).containsExactly("reverse");
      assertThat(stages(router.byPath("/"))).containsExactly("reverse");
      assertThat(stages(router.byEventType("com.acme.x"))).containsExactly("reverse");
      assertThat(router.byHeader(Headers.ofSingle(Map.of("X-Route", "uppercase"))))
          .map(RouterTest::stages)
          .contains(List.of("reverse"));
      assertThat(router.byHeader(Headers.empty()))
          .map(RouterTest::stages)
          .contains(List.of("reverse"));
      assertThat(stages(router.defaultFunction())).containsExactly("reverse");
    }

    @Test
    void selectsAComposition() {
      // when
      Router router = router(CATALOG, "FN4J_FUNCTION", " uppercase|reverse ");

      // then
      assertThat(stages(router.defaultFunction())).containsExactly("uppercase", "reverse");
    }

    @Test
    void treatsABlankSelectionAsNone() {
      // when
      Router router = router(SINGLE, "FN4J_FUNCTION", "  ");

      // then
      assertThat(router.selected()).isEmpty();
      assertThat(stages(router.defaultFunction())).containsExactly("only");
    }

    @Test
    void refusesAnUnknownSelectionAtConstructionListingTheKnownFunctions() {
      // when / then
      assertThatThrownBy(() -> router(CATALOG, "FN4J_FUNCTION", "nope"))
          .isInstanceOf(CatalogException.class)
          .hasMessageContaining("FN4J_FUNCTION is 'nope'")
          .hasMessageContaining("No function named 'nope'")
          .hasMessageContaining("known functions: uppercase reverse clock sink");
    }

    @Test
    void saysSoWhenTheSelectionMeetsAnEmptyCatalog() {
      // when / then
      assertThatThrownBy(() -> router(EMPTY, "FN4J_FUNCTION", "nope"))
          .isInstanceOf(CatalogException.class)
          .hasMessageContaining("FN4J_FUNCTION is 'nope'")
          .hasMessageContaining("no function is registered");
    }

    @Test
    void refusesASelectionThatDoesNotComposeAtConstruction() {
      // when / then
      assertThatThrownBy(() -> router(CATALOG, "FN4J_FUNCTION", "sink|uppercase"))
          .isInstanceOf(CatalogException.class)
          .hasMessageContaining("consumer 'sink' can only come last");
    }

    @Test
    void hasNoSelectionByDefault() {
      // when
      Router router = router(CATALOG);

      // then
      assertThat(router.selected()).isEmpty();
      assertThat(router.catalog()).isSameAs(CATALOG);
    }
  }
}
