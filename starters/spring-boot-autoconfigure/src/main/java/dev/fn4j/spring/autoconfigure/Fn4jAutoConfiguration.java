package dev.fn4j.spring.autoconfigure;

import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.catalog.FunctionCatalog;
import dev.fn4j.core.platform.Environment;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Runs a Spring Boot application's functions on fn4j: the {@code Function}, {@code Supplier} and
 * {@code Consumer} beans become the fn4j {@link FunctionCatalog}, and the {@code fn4j.*} settings
 * (with {@code spring.cloud.function.definition} as an alias of {@code fn4j.function}) configure
 * the {@link FunctionRuntime}. Each bean backs off when the application defines its own.
 */
@AutoConfiguration
@EnableConfigurationProperties(Fn4jProperties.class)
public class Fn4jAutoConfiguration {

  /** Creates the auto-configuration; Spring calls this. */
  public Fn4jAutoConfiguration() {}

  /**
   * fn4j's settings, read through Spring.
   *
   * @param environment Spring's environment
   * @param properties the bound {@code fn4j.*} properties
   * @return the settings
   */
  @Bean
  @ConditionalOnMissingBean
  public Environment fn4jEnvironment(
      org.springframework.core.env.Environment environment, Fn4jProperties properties) {
    return new SpringEnvironment(environment, properties);
  }

  /**
   * Prepares JSON data binding for the function beans' types while the application starts.
   *
   * @return the post-processor
   */
  @Bean
  static BeanFactoryPostProcessor fn4jDataBindingWarmUp() {
    return new DataBindingWarmUp();
  }

  /**
   * The function beans of the application.
   *
   * @param beanFactory where the beans are
   * @return the catalog
   */
  @Bean
  @ConditionalOnMissingBean
  public FunctionCatalog fn4jFunctionCatalog(ConfigurableListableBeanFactory beanFactory) {
    return new SpringFunctionScanner(beanFactory).scan();
  }

  /**
   * The runtime the adapters dispatch through.
   *
   * @param environment fn4j's settings
   * @param catalog the functions
   * @return the runtime
   */
  @Bean
  @ConditionalOnMissingBean
  public FunctionRuntime fn4jFunctionRuntime(Environment environment, FunctionCatalog catalog) {
    return FunctionRuntime.of(environment, catalog);
  }
}
