package dev.fn4j.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class FunctionRegistryTest {

  /** Records what is registered, to observe the default methods and a registrar. */
  private static final class RecordingRegistry implements FunctionRegistry {
    final List<String> names = new ArrayList<>();
    final List<TypeRef<?>> inputs = new ArrayList<>();
    final List<TypeRef<?>> outputs = new ArrayList<>();
    final List<Object> functions = new ArrayList<>();

    @Override
    public FunctionRegistry add(Object function) {
      return add(function.getClass().getSimpleName(), function);
    }

    @Override
    public FunctionRegistry add(String name, Object function) {
      names.add(name);
      functions.add(function);
      return this;
    }

    @Override
    public <I, O> FunctionRegistry function(
        String name, TypeRef<I> input, TypeRef<O> output, Function<I, O> function) {
      names.add(name);
      inputs.add(input);
      outputs.add(output);
      functions.add(function);
      return this;
    }

    @Override
    public <O> FunctionRegistry supplier(String name, TypeRef<O> output, Supplier<O> supplier) {
      return add(name, supplier);
    }

    @Override
    public <I> FunctionRegistry consumer(String name, TypeRef<I> input, Consumer<I> consumer) {
      return add(name, consumer);
    }

    @Override
    public FunctionRegistry lifecycle(Lifecycle hooks) {
      functions.add(hooks);
      return this;
    }
  }

  @Test
  void functionWithClassesRegistersThemAsTypeRefs() {
    // given
    RecordingRegistry registry = new RecordingRegistry();
    Function<String, Integer> length = String::length;

    // when
    FunctionRegistry returned = registry.function("length", String.class, Integer.class, length);

    // then
    assertThat(returned).isSameAs(registry);
    assertThat(registry.names).containsExactly("length");
    assertThat(registry.inputs).containsExactly(TypeRef.of(String.class));
    assertThat(registry.outputs).containsExactly(TypeRef.of(Integer.class));
    assertThat(registry.functions).containsExactly(length);
  }

  @Test
  void registrarAddsItsFunctionsToTheRegistry() {
    // given
    RecordingRegistry registry = new RecordingRegistry();
    FunctionRegistrar registrar =
        r ->
            r.function("upper", String.class, String.class, String::toUpperCase)
                .function(
                    "sizes", new TypeRef<List<String>>() {}, TypeRef.of(Integer.class), List::size);

    // when
    registrar.register(registry);

    // then
    assertThat(registry.names).containsExactly("upper", "sizes");
    assertThat(registry.inputs)
        .containsExactly(TypeRef.of(String.class), new TypeRef<List<String>>() {});
  }
}
