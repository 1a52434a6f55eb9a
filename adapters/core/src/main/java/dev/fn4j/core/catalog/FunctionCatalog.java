package dev.fn4j.core.catalog;

import dev.fn4j.function.FunctionRegistrar;
import dev.fn4j.function.FunctionRegistry;
import dev.fn4j.function.Lifecycle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * The immutable set of functions an application offers, by name, with the lifecycle hooks that came
 * with them. Built without Spring and without classpath scanning: from {@link FunctionRegistrar}s
 * found by {@link ServiceLoader}, from explicit registrations, and from a function class named by
 * {@code FN4J_FUNCTION}.
 */
public final class FunctionCatalog {

  private final Map<String, FunctionDefinition> functions;
  private final List<Lifecycle> lifecycleHooks;

  private FunctionCatalog(Map<String, FunctionDefinition> functions, List<Lifecycle> hooks) {
    this.functions = Collections.unmodifiableMap(functions);
    this.lifecycleHooks = List.copyOf(hooks);
  }

  /**
   * Builds a catalog from explicit registrations; tests and embedding code use this.
   *
   * @param registrar adds the functions
   * @return the catalog
   * @throws CatalogException when a registration is invalid
   */
  public static FunctionCatalog of(FunctionRegistrar registrar) {
    Builder builder = new Builder();
    registrar.register(builder);
    return builder.build();
  }

  /**
   * Builds the catalog of an application: every {@link FunctionRegistrar} and {@link Lifecycle}
   * listed under {@code META-INF/services}, plus the class named by a selection when it is a class
   * name rather than a registered function.
   *
   * @param loader where to look
   * @param selection the {@code FN4J_FUNCTION} value, or null
   * @return the catalog
   * @throws CatalogException when a registration is invalid or a selected class cannot be used
   */
  public static FunctionCatalog load(ClassLoader loader, String selection) {
    Builder builder = new Builder();
    for (FunctionRegistrar registrar : ServiceLoader.load(FunctionRegistrar.class, loader)) {
      registrar.register(builder);
    }
    for (Lifecycle hook : ServiceLoader.load(Lifecycle.class, loader)) {
      builder.lifecycle(hook);
    }
    if (selection != null) {
      for (String part : Composition.split(selection)) {
        if (!builder.functions.containsKey(part) && part.contains(".")) {
          builder.addClass(part, loader);
        }
      }
    }
    return builder.build();
  }

  /**
   * Finds a function by name.
   *
   * @param name the name
   * @return the function, or empty
   */
  public Optional<FunctionDefinition> find(String name) {
    return Optional.ofNullable(functions.get(name));
  }

  /**
   * Returns every function, in registration order.
   *
   * @return the functions
   */
  public Collection<FunctionDefinition> functions() {
    return functions.values();
  }

  /**
   * Returns the number of functions.
   *
   * @return the size
   */
  public int size() {
    return functions.size();
  }

  /**
   * Returns the lifecycle hooks: registered hooks first, then function objects that implement
   * {@link Lifecycle}, in registration order.
   *
   * @return the hooks
   */
  public List<Lifecycle> lifecycleHooks() {
    return lifecycleHooks;
  }

  /** Collects registrations; a clash or an invalid registration fails at once. */
  static final class Builder implements FunctionRegistry {
    private final Map<String, FunctionDefinition> functions = new LinkedHashMap<>();
    private final Map<String, String> origins = new LinkedHashMap<>();
    private final List<Lifecycle> hooks = new ArrayList<>();

    private Builder put(FunctionDefinition definition, String origin) {
      String earlier = origins.putIfAbsent(definition.name(), origin);
      if (earlier != null) {
        throw new CatalogException(
            "Function name '"
                + definition.name()
                + "' is registered twice: by "
                + earlier
                + " and by "
                + origin);
      }
      functions.put(definition.name(), definition);
      return this;
    }

    void addClass(String className, ClassLoader loader) {
      Object function = FunctionClasses.instantiate(className, loader);
      put(FunctionClasses.define(className, function), "FN4J_FUNCTION");
    }

    @Override
    public Builder add(Object function) {
      return add(FunctionClasses.defaultName(function.getClass()), function);
    }

    @Override
    public Builder add(String name, Object function) {
      return put(FunctionClasses.define(name, function), function.getClass().getName());
    }

    @Override
    public <I, O> Builder function(
        String name,
        dev.fn4j.function.TypeRef<I> input,
        dev.fn4j.function.TypeRef<O> output,
        java.util.function.Function<I, O> function) {
      return put(
          FunctionDefinition.of(name, FunctionKind.FUNCTION, function, input.type(), output.type()),
          "registry.function(" + name + ")");
    }

    @Override
    public <O> Builder supplier(
        String name, dev.fn4j.function.TypeRef<O> output, java.util.function.Supplier<O> supplier) {
      return put(
          FunctionDefinition.of(name, FunctionKind.SUPPLIER, supplier, null, output.type()),
          "registry.supplier(" + name + ")");
    }

    @Override
    public <I> Builder consumer(
        String name, dev.fn4j.function.TypeRef<I> input, Consumer<I> consumer) {
      return put(
          FunctionDefinition.of(name, FunctionKind.CONSUMER, consumer, input.type(), null),
          "registry.consumer(" + name + ")");
    }

    @Override
    public Builder lifecycle(Lifecycle lifecycle) {
      hooks.add(java.util.Objects.requireNonNull(lifecycle, "lifecycle"));
      return this;
    }

    FunctionCatalog build() {
      List<Lifecycle> all = new ArrayList<>(hooks);
      for (FunctionDefinition definition : functions.values()) {
        if (definition.target() instanceof Lifecycle hook && !all.contains(hook)) {
          all.add(hook);
        }
      }
      return new FunctionCatalog(new LinkedHashMap<>(functions), all);
    }
  }
}
