package dev.fn4j.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.core.catalog.fixtures.AbstractShout;
import dev.fn4j.core.catalog.fixtures.Drain;
import dev.fn4j.core.catalog.fixtures.ExplodingConstructor;
import dev.fn4j.core.catalog.fixtures.Functions;
import dev.fn4j.core.catalog.fixtures.IsolatedServices;
import dev.fn4j.core.catalog.fixtures.NeedsPrefix;
import dev.fn4j.core.catalog.fixtures.ServiceHook;
import dev.fn4j.core.catalog.fixtures.ServiceRegistrar;
import dev.fn4j.core.catalog.fixtures.Shout;
import dev.fn4j.core.catalog.fixtures.Tick;
import dev.fn4j.function.FunctionRegistrar;
import dev.fn4j.function.Lifecycle;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FunctionCatalog#load} reads {@code META-INF/services} and {@code FN4J_FUNCTION}. Each test
 * uses a class loader that sees only its own services files.
 */
class FunctionCatalogLoadTest {

  @TempDir Path folder;

  private IsolatedServices withRegistrarAndHook() throws Exception {
    return IsolatedServices.with(
        folder,
        Map.of(
            FunctionRegistrar.class, List.of(ServiceRegistrar.class),
            Lifecycle.class, List.of(ServiceHook.class)));
  }

  @Test
  void registersTheFunctionsOfEveryListedRegistrar() throws Exception {
    // given
    try (IsolatedServices loader = withRegistrarAndHook()) {

      // when
      FunctionCatalog catalog = FunctionCatalog.load(loader, null);

      // then
      assertThat(catalog.functions())
          .extracting(FunctionDefinition::name)
          .containsExactly("fromService", "my.dotted");
      assertThat(catalog.find("fromService").orElseThrow().call("x")).isEqualTo("service:x");
    }
  }

  @Test
  void collectsRegistrarHooksFirstThenListedLifecycleServices() throws Exception {
    // given
    try (IsolatedServices loader = withRegistrarAndHook()) {

      // when
      FunctionCatalog catalog = FunctionCatalog.load(loader, null);

      // then
      assertThat(catalog.lifecycleHooks())
          .hasExactlyElementsOfTypes(ServiceRegistrar.RegistrarHook.class, ServiceHook.class);
    }
  }

  @Test
  void buildsAnEmptyCatalogWhenNothingIsListed() throws Exception {
    // given
    try (IsolatedServices loader = IsolatedServices.none(folder)) {

      // when
      FunctionCatalog catalog = FunctionCatalog.load(loader, null);

      // then
      assertThat(catalog.size()).isZero();
      assertThat(catalog.lifecycleHooks()).isEmpty();
    }
  }

  @Test
  void namesTheClashWhenTwoRegistrarsRegisterTheSameName() throws Exception {
    // given
    try (IsolatedServices loader =
        IsolatedServices.with(
            folder,
            Map.of(
                FunctionRegistrar.class,
                List.of(ServiceRegistrar.class, SameNameRegistrar.class)))) {

      // when / then
      assertThatThrownBy(() -> FunctionCatalog.load(loader, null))
          .isInstanceOf(CatalogException.class)
          .hasMessageContaining("'fromService' is registered twice");
    }
  }

  /** Registers a name that {@link ServiceRegistrar} registers too. */
  public static final class SameNameRegistrar implements FunctionRegistrar {
    @Override
    public void register(dev.fn4j.function.FunctionRegistry registry) {
      registry.function("fromService", String.class, String.class, text -> text);
    }
  }

  @Test
  void instantiatesAFunctionClassNamedBySelection() throws Exception {
    // given
    try (IsolatedServices loader = IsolatedServices.none(folder)) {

      // when
      FunctionCatalog catalog = FunctionCatalog.load(loader, Shout.class.getName());

      // then
      FunctionDefinition shout = catalog.find(Shout.class.getName()).orElseThrow();
      assertThat(shout.kind()).isEqualTo(FunctionKind.FUNCTION);
      assertThat(shout.inputType()).isEqualTo(String.class);
      assertThat(shout.target()).isInstanceOf(Shout.class);
      assertThat(shout.call("hey")).isEqualTo("HEY!");
    }
  }

  @Test
  void instantiatesSupplierAndConsumerClassesNamedBySelection() throws Exception {
    // given
    String selection = Tick.class.getName() + "|" + Shout.class.getName();
    try (IsolatedServices loader = IsolatedServices.none(folder)) {

      // when
      FunctionCatalog supplierCatalog = FunctionCatalog.load(loader, selection);
      FunctionCatalog consumerCatalog = FunctionCatalog.load(loader, Drain.class.getName());

      // then
      assertThat(supplierCatalog.find(Tick.class.getName()).orElseThrow().kind())
          .isEqualTo(FunctionKind.SUPPLIER);
      assertThat(supplierCatalog.find(Shout.class.getName())).isPresent();
      FunctionDefinition drain = consumerCatalog.find(Drain.class.getName()).orElseThrow();
      assertThat(drain.kind()).isEqualTo(FunctionKind.CONSUMER);
      assertThat(drain.inputType()).isEqualTo(Integer.class);
    }
  }

  @Test
  void mixesARegisteredFunctionAndAClassInOneSelection() throws Exception {
    // given
    try (IsolatedServices loader = withRegistrarAndHook()) {

      // when
      FunctionCatalog catalog =
          FunctionCatalog.load(loader, "fromService , " + Shout.class.getName());

      // then
      assertThat(catalog.functions())
          .extracting(FunctionDefinition::name)
          .containsExactly("fromService", "my.dotted", Shout.class.getName());
      assertThat(Composition.resolve(catalog, "fromService|" + Shout.class.getName()).stages())
          .hasSize(2);
    }
  }

  @Test
  void doesNotTreatARegisteredDottedNameAsAClass() throws Exception {
    // given
    try (IsolatedServices loader = withRegistrarAndHook()) {

      // when
      FunctionCatalog catalog = FunctionCatalog.load(loader, "my.dotted");

      // then
      assertThat(catalog.size()).isEqualTo(2);
      assertThat(catalog.find("my.dotted").orElseThrow().outputType()).isEqualTo(Integer.class);
    }
  }

  @Test
  void leavesAnUnknownPlainNameToTheRouter() throws Exception {
    // given
    try (IsolatedServices loader = IsolatedServices.none(folder)) {

      // when
      FunctionCatalog catalog = FunctionCatalog.load(loader, "nothing");

      // then
      assertThat(catalog.size()).isZero();
    }
  }

  @Test
  void namesTheSelectionWhenTheClassDoesNotExist() throws Exception {
    // given
    try (IsolatedServices loader = IsolatedServices.none(folder)) {

      // when / then
      assertThatThrownBy(() -> FunctionCatalog.load(loader, "com.example.Missing"))
          .isInstanceOf(CatalogException.class)
          .hasMessageContaining("FN4J_FUNCTION names 'com.example.Missing'")
          .hasMessageContaining("neither a function nor a class");
    }
  }

  @Test
  void refusesAnAbstractClass() throws Exception {
    // given
    try (IsolatedServices loader = IsolatedServices.none(folder)) {

      // when / then
      assertThatThrownBy(() -> FunctionCatalog.load(loader, AbstractShout.class.getName()))
          .isInstanceOf(CatalogException.class)
          .hasMessageContaining(AbstractShout.class.getName() + " is abstract");
    }
  }

  @Test
  void refusesAnInterface() throws Exception {
    // given
    try (IsolatedServices loader = IsolatedServices.none(folder)) {

      // when / then
      assertThatThrownBy(() -> FunctionCatalog.load(loader, "java.util.function.Function"))
          .isInstanceOf(CatalogException.class)
          .hasMessageContaining("java.util.function.Function is abstract");
    }
  }

  @Test
  void refusesAClassWithoutAPublicNoArgumentConstructor() throws Exception {
    // given
    try (IsolatedServices loader = IsolatedServices.none(folder)) {

      // when / then
      assertThatThrownBy(() -> FunctionCatalog.load(loader, NeedsPrefix.class.getName()))
          .isInstanceOf(CatalogException.class)
          .hasMessageContaining(NeedsPrefix.class.getName())
          .hasMessageContaining("needs a public no-argument constructor");
    }
  }

  @Test
  void reportsAConstructorThatThrows() throws Exception {
    // given
    try (IsolatedServices loader = IsolatedServices.none(folder)) {

      // when / then
      assertThatThrownBy(() -> FunctionCatalog.load(loader, ExplodingConstructor.class.getName()))
          .isInstanceOf(CatalogException.class)
          .hasMessageContaining("The constructor of " + ExplodingConstructor.class.getName())
          .hasMessageContaining("failed: java.lang.IllegalStateException");
    }
  }

  @Test
  void refusesAClassThatIsNoFunction() throws Exception {
    // given
    try (IsolatedServices loader = IsolatedServices.none(folder)) {

      // when / then
      assertThatThrownBy(() -> FunctionCatalog.load(loader, "java.lang.Object"))
          .isInstanceOf(CatalogException.class)
          .hasMessageContaining(
              "java.lang.Object does not implement Function, Supplier or Consumer");
    }
  }

  @Test
  void instantiatesAStaticNestedFunctionClass() throws Exception {
    // given
    try (IsolatedServices loader = IsolatedServices.none(folder)) {

      // when
      FunctionCatalog catalog = FunctionCatalog.load(loader, Functions.Reverse.class.getName());

      // then
      assertThat(catalog.size()).isEqualTo(1);
      assertThat(catalog.functions().iterator().next().call("abc")).isEqualTo("cba");
    }
  }
}
