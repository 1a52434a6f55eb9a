package dev.fn4j.function;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a function class in the catalog; without it the name is the class's simple name with a
 * lower-case first letter.
 *
 * <pre>{@code
 * @FunctionName("to-upper")
 * public final class Uppercase implements Function<String, String> { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface FunctionName {

  /**
   * Returns the function's name.
   *
   * @return the name
   */
  String value();
}
