package dev.fn4j.spring.autoconfigure;

import dev.fn4j.core.catalog.CatalogException;
import dev.fn4j.core.catalog.FunctionCatalog;
import dev.fn4j.core.catalog.FunctionKind;
import dev.fn4j.function.FunctionRegistrar;
import dev.fn4j.function.FunctionRegistry;
import dev.fn4j.function.Lifecycle;
import dev.fn4j.function.TypeRef;
import java.lang.reflect.Type;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;

/**
 * Builds the fn4j catalog from a Spring bean factory: every {@code Function}, {@code Supplier} and
 * {@code Consumer} bean, under its bean name, with the generic types Spring resolves from its bean
 * definition (a {@code @Bean} method's return type, a component's class). Functions typed with
 * Spring's {@code Message<T>} are adapted to fn4j's {@link dev.fn4j.function.Message}. {@link
 * FunctionRegistrar} and {@link Lifecycle} beans contribute too.
 *
 * <p>Infrastructure beans (role {@code ROLE_INFRASTRUCTURE}, or Spring's own classes) are skipped;
 * fn4j's own beans (catalog, runtime, settings) are no functions, so they are never found.
 */
final class SpringFunctionScanner {

  private static final String SPRING_MESSAGE = "org.springframework.messaging.Message";

  private final ConfigurableListableBeanFactory beanFactory;

  SpringFunctionScanner(ConfigurableListableBeanFactory beanFactory) {
    this.beanFactory = Objects.requireNonNull(beanFactory, "beanFactory");
  }

  /**
   * Registers every function bean.
   *
   * @return the catalog
   * @throws CatalogException when a bean's types cannot be resolved or a name is invalid
   */
  FunctionCatalog scan() {
    return FunctionCatalog.of(this::register);
  }

  private void register(FunctionRegistry registry) {
    Set<String> names = new LinkedHashSet<>();
    for (Class<?> kind : new Class<?>[] {Function.class, Supplier.class, Consumer.class}) {
      for (String name : beanFactory.getBeanNamesForType(kind, true, false)) {
        if (!isInfrastructure(name)) {
          names.add(name);
        }
      }
    }
    for (String name : names) {
      registerBean(registry, name);
    }
    for (String name : beanFactory.getBeanNamesForType(FunctionRegistrar.class, true, false)) {
      beanFactory.getBean(name, FunctionRegistrar.class).register(registry);
    }
    for (String name : beanFactory.getBeanNamesForType(Lifecycle.class, true, false)) {
      if (!names.contains(name)) {
        registry.lifecycle(beanFactory.getBean(name, Lifecycle.class));
      }
    }
  }

  private boolean isInfrastructure(String name) {
    if (beanFactory.containsBeanDefinition(name)
        && beanFactory.getMergedBeanDefinition(name).getRole()
            == BeanDefinition.ROLE_INFRASTRUCTURE) {
      return true;
    }
    Class<?> type = beanFactory.getType(name, false);
    String className = type == null ? "" : type.getName();
    return className.startsWith("org.springframework.");
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void registerBean(FunctionRegistry registry, String name) {
    Object bean = beanFactory.getBean(name);
    ResolvableType declared = declaredType(name, bean);
    if (bean instanceof Function<?, ?> function) {
      ResolvableType type = declared.as(Function.class);
      Type input = concrete(type.getGeneric(0));
      Type output = concrete(type.getGeneric(1));
      if (input == null || output == null) {
        addByClass(registry, name, bean, "Function<In, Out>");
        return;
      }
      if (isSpringMessage(input) || isSpringMessage(output)) {
        SpringMessages.Adapted adapted =
            SpringMessages.adapt(FunctionKind.FUNCTION, bean, input, output);
        input = adapted.inputType();
        output = adapted.outputType();
        function = (Function<?, ?>) adapted.target();
      }
      registry.function(name, TypeRef.ofType(input), TypeRef.ofType(output), (Function) function);
    } else if (bean instanceof Supplier<?> supplier) {
      Type output = concrete(declared.as(Supplier.class).getGeneric(0));
      if (output == null) {
        addByClass(registry, name, bean, "Supplier<Out>");
        return;
      }
      if (isSpringMessage(output)) {
        SpringMessages.Adapted adapted =
            SpringMessages.adapt(FunctionKind.SUPPLIER, bean, null, output);
        output = adapted.outputType();
        supplier = (Supplier<?>) adapted.target();
      }
      registry.supplier(name, TypeRef.ofType(output), (Supplier) supplier);
    } else if (bean instanceof Consumer<?> consumer) {
      Type input = concrete(declared.as(Consumer.class).getGeneric(0));
      if (input == null) {
        addByClass(registry, name, bean, "Consumer<In>");
        return;
      }
      if (isSpringMessage(input)) {
        SpringMessages.Adapted adapted =
            SpringMessages.adapt(FunctionKind.CONSUMER, bean, input, null);
        input = adapted.inputType();
        consumer = (Consumer<?>) adapted.target();
      }
      registry.consumer(name, TypeRef.ofType(input), (Consumer) consumer);
    }
  }

  /**
   * The bean's type as its definition declares it: the {@code @Bean} method's generic return type
   * or the component's class; the instance's class when the definition says nothing more.
   */
  private ResolvableType declaredType(String name, Object bean) {
    Class<?> kind =
        bean instanceof Function
            ? Function.class
            : bean instanceof Supplier ? Supplier.class : Consumer.class;
    if (beanFactory.containsBeanDefinition(name)) {
      ResolvableType type = beanFactory.getMergedBeanDefinition(name).getResolvableType();
      if (type.resolve() != null && type.as(kind) != ResolvableType.NONE) {
        return type;
      }
    }
    Class<?> type = beanFactory.getType(name);
    return ResolvableType.forClass(type != null ? type : ClassUtils.getUserClass(bean));
  }

  /** A lambda bean whose types Spring could not resolve: its class may still declare them. */
  private static void addByClass(
      FunctionRegistry registry, String name, Object bean, String expected) {
    try {
      registry.add(name, bean);
    } catch (CatalogException e) {
      throw new CatalogException(
          "Bean '"
              + name
              + "': the type arguments of "
              + expected
              + " cannot be resolved; declare them on the @Bean method's return type ("
              + e.getMessage()
              + ")");
    }
  }

  /**
   * Returns the type with every type variable resolved, or null when one cannot be: Spring's view
   * of a generic type keeps variables and their bindings apart, the core wants plain reflection.
   */
  static Type concrete(ResolvableType type) {
    if (type == ResolvableType.NONE) {
      return null;
    }
    Class<?> raw = type.resolve();
    if (raw == null) {
      return null;
    }
    if (!type.hasGenerics()) {
      return raw;
    }
    ResolvableType[] generics = type.getGenerics();
    ResolvableType[] resolved = new ResolvableType[generics.length];
    for (int i = 0; i < generics.length; i++) {
      Type argument = concrete(generics[i]);
      if (argument == null) {
        return null;
      }
      resolved[i] = ResolvableType.forType(argument);
    }
    return ResolvableType.forClassWithGenerics(raw, resolved).getType();
  }

  private static boolean isSpringMessage(Type type) {
    Class<?> raw = ResolvableType.forType(type).resolve();
    return raw != null && raw.getName().equals(SPRING_MESSAGE);
  }
}
