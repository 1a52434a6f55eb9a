package dev.fn4j.core;

import dev.fn4j.core.catalog.CatalogException;
import dev.fn4j.core.catalog.FunctionCatalog;
import dev.fn4j.core.catalog.FunctionDefinition;
import dev.fn4j.core.catalog.Signature;
import dev.fn4j.core.convert.DataType;
import dev.fn4j.core.convert.JsonCodec;
import dev.fn4j.core.dispatch.Dispatcher;
import dev.fn4j.core.dispatch.Router;
import dev.fn4j.core.dispatch.RoutingSettings;
import dev.fn4j.core.lifecycle.LifecycleHooks;
import dev.fn4j.core.platform.ApplicationStarter;
import dev.fn4j.core.platform.Environment;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Everything an adapter needs, built once per process: the catalog, the router, the dispatcher and
 * the lifecycle hooks. Vendor entry classes take the {@linkplain #shared() shared} instance; tests
 * and embedding code build their own.
 */
public final class FunctionRuntime {

  private final Environment environment;
  private final FunctionCatalog catalog;
  private final Router router;
  private final Dispatcher dispatcher;
  private final LifecycleHooks lifecycle;

  private FunctionRuntime(
      Environment environment, FunctionCatalog catalog, RoutingSettings routing) {
    this.environment = Objects.requireNonNull(environment, "environment");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.router = new Router(catalog, routing);
    this.dispatcher = new Dispatcher();
    this.lifecycle = new LifecycleHooks(catalog.lifecycleHooks());
  }

  /**
   * Builds the runtime of the application on a class loader: the catalog from {@code
   * META-INF/services} and {@code FN4J_FUNCTION}, routing from the environment.
   *
   * @param environment the settings
   * @param loader where the functions are
   * @return the runtime
   * @throws dev.fn4j.core.catalog.CatalogException when the functions or the selection are invalid
   */
  public static FunctionRuntime load(Environment environment, ClassLoader loader) {
    RoutingSettings routing = RoutingSettings.from(environment);
    FunctionCatalog catalog = FunctionCatalog.load(loader, routing.selection());
    return new FunctionRuntime(environment, catalog, routing);
  }

  /**
   * Starts the application on a class loader and returns its runtime with its {@code onInit} hooks
   * run: the runtime of the first {@link ApplicationStarter} that recognises the application (a
   * Spring Boot application, when the Spring Boot starter is on the class path), else the one
   * {@link #load} builds from the registrars. The launcher and the vendor entry classes start the
   * application this way, once per process.
   *
   * @param environment the settings
   * @param loader where the application is
   * @return the initialised runtime
   * @throws RuntimeException when the application cannot start; the message says why
   */
  public static FunctionRuntime start(Environment environment, ClassLoader loader) {
    FunctionRuntime runtime = startedByStarter(environment, loader);
    if (runtime == null) {
      runtime = load(environment, loader);
    }
    runtime.lifecycle().init();
    return runtime;
  }

  private static FunctionRuntime startedByStarter(Environment environment, ClassLoader loader) {
    try {
      for (ApplicationStarter starter : ServiceLoader.load(ApplicationStarter.class, loader)) {
        Optional<FunctionRuntime> started = starter.start(environment, loader);
        if (started.isPresent()) {
          return started.get();
        }
      }
      return null;
    } catch (ServiceConfigurationError e) {
      throw new CatalogException("an application starter cannot be loaded: " + e.getMessage());
    }
  }

  /**
   * Builds a runtime over a given catalog.
   *
   * @param environment the settings
   * @param catalog the functions
   * @return the runtime
   */
  public static FunctionRuntime of(Environment environment, FunctionCatalog catalog) {
    return new FunctionRuntime(environment, catalog, RoutingSettings.from(environment));
  }

  /**
   * Returns the process-wide runtime of the application, {@linkplain #start started} on first use
   * from the system environment and the context class loader. A failure is kept and thrown again on
   * every call, so each invocation reports why start-up failed.
   *
   * @return the runtime
   * @throws RuntimeException the start-up failure
   */
  public static FunctionRuntime shared() {
    return SharedRuntime.get();
  }

  /**
   * Returns the settings this runtime was built with.
   *
   * @return the environment
   */
  public Environment environment() {
    return environment;
  }

  /**
   * Returns the functions.
   *
   * @return the catalog
   */
  public FunctionCatalog catalog() {
    return catalog;
  }

  /**
   * Returns the router.
   *
   * @return the router
   */
  public Router router() {
    return router;
  }

  /**
   * Returns the dispatcher.
   *
   * @return the dispatcher
   */
  public Dispatcher dispatcher() {
    return dispatcher;
  }

  /**
   * Returns the lifecycle hooks.
   *
   * @return the hooks
   */
  public LifecycleHooks lifecycle() {
    return lifecycle;
  }

  /**
   * Prepares JSON data binding for every declared input and output type on a background thread,
   * when some function needs it: a server calls this before it binds, so that Jackson's set-up
   * (about 0.15 s on a small machine) overlaps the start instead of delaying the first request. A
   * catalog of {@code String} and {@code byte[]} functions never loads data binding.
   *
   * @return true when a preparation was started
   */
  public boolean prepareDataBindingInBackground() {
    List<java.lang.reflect.Type> types = new ArrayList<>();
    for (FunctionDefinition function : catalog.functions()) {
      Signature signature = function.signature();
      for (DataType type : new DataType[] {signature.input(), signature.output()}) {
        if (type != null && type.kind() == DataType.Kind.JSON) {
          types.add(type.type());
        }
      }
    }
    if (types.isEmpty()) {
      return false;
    }
    Thread preparation =
        new Thread(
            () -> types.forEach(JsonCodec.instance()::prepare), "fn4j-data-binding-preparation");
    preparation.setDaemon(true);
    preparation.start();
    return true;
  }

  /** The holder of the shared runtime: built once, failure kept. */
  private static final class SharedRuntime {
    private static final Object RESULT = build();

    private SharedRuntime() {}

    private static Object build() {
      try {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return start(
            Environment.system(), loader != null ? loader : FunctionRuntime.class.getClassLoader());
      } catch (RuntimeException e) {
        return e;
      }
    }

    static FunctionRuntime get() {
      if (RESULT instanceof RuntimeException failure) {
        throw new IllegalStateException("fn4j could not start: " + failure.getMessage(), null);
      }
      return (FunctionRuntime) RESULT;
    }
  }
}
