package dev.fn4j.testkit;

import dev.fn4j.core.catalog.FunctionCatalog;
import dev.fn4j.function.FunctionRegistrar;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The JUnit 5 extension behind {@link LocalRunner}: before each test it starts the local runner on
 * a free loopback port; after the test it stops it. Test methods, {@code @BeforeEach} and {@code
 * AfterEach} methods may take a {@link FunctionClient} or the {@link FunctionServer} as parameters.
 *
 * <p><b>Lifecycle:</b> one runner per test, with a fresh catalog, so that tests cannot see each
 * other's state (a counting supplier starts again for every test). It starts before the {@code
 * BeforeEach} methods run and stops after the {@code AfterEach} methods have run, even when the
 * test fails. Constructors and {@code BeforeAll} methods cannot take the client: nothing runs yet.
 * For a runner shared by a whole class, start a {@link FunctionServer} in {@code BeforeAll} and
 * close it in {@code AfterAll}.
 *
 * <p>Declaratively, through {@link LocalRunner} or {@code @ExtendWith(LocalRunnerExtension.class)}
 * (the application's functions, empty environment); or programmatically, for functions written as
 * lambdas in the test:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final LocalRunnerExtension runner =
 *     LocalRunnerExtension.serving(registry -> registry.add(new Uppercase()))
 *         .withEnvironment("FN4J_FUNCTION", "uppercase");
 * }</pre>
 *
 * <p>A programmatic instance ignores {@link LocalRunner}; do not combine the two on one test.
 */
public final class LocalRunnerExtension
    implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LocalRunnerExtension.class);
  private static final String SERVER = "server";

  /** Null in a declarative instance: the registrars come from {@link LocalRunner}. */
  private final FunctionRegistrar registrar;

  private final Map<String, String> environment;

  /** Creates the declarative extension, configured by {@link LocalRunner}; JUnit calls this. */
  public LocalRunnerExtension() {
    this(null, Map.of());
  }

  private LocalRunnerExtension(FunctionRegistrar registrar, Map<String, String> environment) {
    this.registrar = registrar;
    this.environment = environment;
  }

  /**
   * Creates an extension serving the functions a registrar adds; for {@code RegisterExtension}.
   *
   * @param registrar adds the functions, for example {@code registry -> registry.add(new
   *     Uppercase())}
   * @return the extension, with an empty environment
   */
  public static LocalRunnerExtension serving(FunctionRegistrar registrar) {
    return new LocalRunnerExtension(Objects.requireNonNull(registrar, "registrar"), Map.of());
  }

  /**
   * Returns an extension that also passes a setting to the runner.
   *
   * @param name the variable, for example {@code FN4J_FUNCTION}; never {@code PORT}
   * @param value its value
   * @return the new extension
   * @throws IllegalStateException on the declarative extension: use {@link
   *     LocalRunner#environment()} there
   */
  public LocalRunnerExtension withEnvironment(String name, String value) {
    if (registrar == null) {
      throw new IllegalStateException(
          "The declarative extension takes its environment from @LocalRunner(environment = ...)");
    }
    Map<String, String> more = new LinkedHashMap<>(environment);
    more.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new LocalRunnerExtension(registrar, Map.copyOf(more));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    if (store.get(SERVER) != null) {
      throw new ExtensionConfigurationException(
          "Two local runners are configured for "
              + context.getDisplayName()
              + ": use either @LocalRunner or a registered LocalRunnerExtension");
    }
    store.put(SERVER, start(context));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    FunctionServer server = context.getStore(NAMESPACE).remove(SERVER, FunctionServer.class);
    if (server != null) {
      server.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == FunctionClient.class || type == FunctionServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    FunctionServer server = context.getStore(NAMESPACE).get(SERVER, FunctionServer.class);
    if (server == null || parameter.getDeclaringExecutable() instanceof Constructor<?>) {
      throw new ParameterResolutionException(
          "The local runner starts before each test: take "
              + parameter.getParameter().getType().getSimpleName()
              + " as a parameter of a test, @BeforeEach or @AfterEach method, not of "
              + parameter.getDeclaringExecutable());
    }
    return parameter.getParameter().getType() == FunctionServer.class ? server : server.client();
  }

  private FunctionServer start(ExtensionContext context) {
    if (registrar != null) {
      return FunctionServer.start(registrar, environment);
    }
    Optional<LocalRunner> settings = nearestAnnotation(context);
    Map<String, String> variables =
        settings.map(annotation -> parse(annotation.environment())).orElse(Map.of());
    List<Class<? extends FunctionRegistrar>> registrars =
        settings.map(annotation -> List.of(annotation.registrars())).orElse(List.of());
    if (registrars.isEmpty()) {
      return FunctionServer.load(context.getRequiredTestClass().getClassLoader(), variables);
    }
    return FunctionServer.start(
        FunctionCatalog.of(
            registry -> {
              for (Class<? extends FunctionRegistrar> type : registrars) {
                ReflectionSupport.newInstance(type).register(registry);
              }
            }),
        variables);
  }

  private static Optional<LocalRunner> nearestAnnotation(ExtensionContext context) {
    Optional<LocalRunner> onMethod = find(context.getTestMethod().orElse(null));
    if (onMethod.isPresent()) {
      return onMethod;
    }
    for (Class<?> type = context.getTestClass().orElse(null); type != null; ) {
      Optional<LocalRunner> onClass = find(type);
      if (onClass.isPresent()) {
        return onClass;
      }
      // Only a @Nested (inner) class shares its enclosing class's settings.
      type = Modifier.isStatic(type.getModifiers()) ? null : type.getEnclosingClass();
    }
    return Optional.empty();
  }

  private static Optional<LocalRunner> find(AnnotatedElement element) {
    return element == null
        ? Optional.empty()
        : AnnotationSupport.findAnnotation(element, LocalRunner.class);
  }

  private static Map<String, String> parse(String[] entries) {
    Map<String, String> variables = new LinkedHashMap<>();
    for (String entry : entries) {
      int equals = entry.indexOf('=');
      if (equals <= 0 || entry.substring(0, equals).isBlank()) {
        throw new ExtensionConfigurationException(
            "@LocalRunner(environment) entries look like NAME=value, not '" + entry + "'");
      }
      variables.put(entry.substring(0, equals).strip(), entry.substring(equals + 1));
    }
    return Map.copyOf(variables);
  }
}
