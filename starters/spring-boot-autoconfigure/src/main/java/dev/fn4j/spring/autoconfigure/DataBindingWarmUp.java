package dev.fn4j.spring.autoconfigure;

import dev.fn4j.core.convert.DataType;
import dev.fn4j.core.convert.JsonCodec;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;

/**
 * Starts JSON data binding's set-up for the function beans' types on a background thread as soon as
 * the bean definitions are known, so that it overlaps the rest of the application's start (creating
 * the beans, Spring's start-up events) instead of delaying the first invocation: about 0.1 s of a
 * cold start on a small machine. Reads the types from the bean definitions only; no bean is created
 * early. An application of {@code String} and {@code byte[]} functions never loads data binding.
 */
final class DataBindingWarmUp implements BeanFactoryPostProcessor, Ordered {

  private static final Class<?>[] KINDS = {Function.class, Supplier.class, Consumer.class};

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    List<Type> types = jsonTypes(beanFactory);
    if (types.isEmpty()) {
      return;
    }
    Thread preparation =
        new Thread(
            () -> types.forEach(JsonCodec.instance()::prepare), "fn4j-data-binding-preparation");
    preparation.setDaemon(true);
    preparation.start();
  }

  /** The declared input and output types that bind JSON, as the bean definitions declare them. */
  static List<Type> jsonTypes(ConfigurableListableBeanFactory beanFactory) {
    List<Type> types = new ArrayList<>();
    for (Class<?> kind : KINDS) {
      for (String name : beanFactory.getBeanNamesForType(kind, true, false)) {
        if (!beanFactory.containsBeanDefinition(name)) {
          continue;
        }
        ResolvableType declared =
            beanFactory.getMergedBeanDefinition(name).getResolvableType().as(kind);
        for (ResolvableType generic : declared.getGenerics()) {
          Type type = SpringFunctionScanner.concrete(generic);
          if (type != null && DataType.of(type).kind() == DataType.Kind.JSON) {
            types.add(type);
          }
        }
      }
    }
    return types;
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
