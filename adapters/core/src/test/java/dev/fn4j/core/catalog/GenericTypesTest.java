package dev.fn4j.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Type arguments found through a class hierarchy, and what counts as concrete. */
class GenericTypesTest {

  abstract static class Pair<A, B> implements Function<B, A> {}

  static final class Named extends Pair<Integer, String> {
    @Override
    public Integer apply(String text) {
      return text.length();
    }
  }

  static final class Open<T> {
    List<String> strings;
    Map<String, List<T>> nested;
    T bare;
  }

  private static Type field(String name) throws NoSuchFieldException {
    return Open.class.getDeclaredField(name).getGenericType();
  }

  @Test
  void findsTheArgumentsBoundBySuperclassesInTheInterfacesOrder() {
    // when
    Type[] arguments = GenericTypes.argumentsOf(Named.class, Function.class).orElseThrow();

    // then
    assertThat(arguments).containsExactly(String.class, Integer.class);
  }

  @Test
  void findsNothingForAnInterfaceTheClassDoesNotImplement() {
    // when / then
    assertThat(GenericTypes.argumentsOf(Named.class, Supplier.class)).isEmpty();
    assertThat(GenericTypes.argumentsOf(String.class, Consumer.class)).isEmpty();
  }

  @Test
  void returnsTheOpenVariablesOfTheInterfaceItself() {
    // when
    Type[] arguments = GenericTypes.argumentsOf(Function.class, Function.class).orElseThrow();

    // then
    assertThat(arguments).extracting(Type::getTypeName).containsExactly("T", "R");
    assertThat(GenericTypes.isConcrete(arguments[0])).isFalse();
  }

  @Test
  void tellsConcreteTypesFromTypesWithVariables() throws Exception {
    // when / then
    assertThat(GenericTypes.isConcrete(String.class)).isTrue();
    assertThat(GenericTypes.isConcrete(field("strings"))).isTrue();
    assertThat(GenericTypes.isConcrete(field("bare"))).isFalse();
    assertThat(GenericTypes.isConcrete(field("nested"))).isFalse();
  }
}
