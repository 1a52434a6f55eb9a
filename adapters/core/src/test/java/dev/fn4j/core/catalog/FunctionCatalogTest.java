package dev.fn4j.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.core.catalog.Signature.OutputWrapper;
import dev.fn4j.core.convert.DataType;
import dev.fn4j.function.FunctionName;
import dev.fn4j.function.Lifecycle;
import dev.fn4j.function.Message;
import dev.fn4j.function.TypeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Builds catalogs from explicit registrations, without Spring and without scanning. */
class FunctionCatalogTest {

  /** A JSON payload type. */
  record Order(String id, int quantity) {}

  static final class Uppercase implements Function<String, String> {
    @Override
    public String apply(String text) {
      return text.toUpperCase(Locale.ROOT);
    }
  }

  @FunctionName("shout-it")
  static final class Shouter implements Function<String, String> {
    @Override
    public String apply(String text) {
      return text + "!";
    }
  }

  abstract static class Transformer<I, O> implements Function<I, O> {}

  static final class Length extends Transformer<String, Integer> {
    @Override
    public Integer apply(String text) {
      return text.length();
    }
  }

  abstract static class TextTransformer<O> extends Transformer<String, O> {}

  static final class Checksum extends TextTransformer<Long> {
    @Override
    public Long apply(String text) {
      return (long) text.hashCode();
    }
  }

  /** Swaps the order of the type parameters on the way to Function. */
  interface Parser<R, S> extends Function<S, R> {}

  static final class ParseQuantity implements Parser<Integer, String> {
    @Override
    public Integer apply(String text) {
      return Integer.parseInt(text);
    }
  }

  interface OrderHandler<O> extends Function<Order, O> {}

  static final class Approve implements OrderHandler<Boolean> {
    @Override
    public Boolean apply(Order order) {
      return order.quantity() > 0;
    }
  }

  /** A generic interface that nests its variable in the output type. */
  interface Expander<T> extends Function<T, List<T>> {}

  static final class Twice implements Expander<Order> {
    @Override
    public List<Order> apply(Order order) {
      return List.of(order, order);
    }
  }

  /** A generic superclass that passes a nested variable up. */
  abstract static class ListTransformer<E> extends Transformer<List<E>, Integer> {}

  static final class CountWords extends ListTransformer<String> {
    @Override
    public Integer apply(List<String> words) {
      return words.size();
    }
  }

  abstract static class BaseSupplier<T> implements Supplier<T> {}

  static final class OrderSupplier extends BaseSupplier<Order> {
    @Override
    public Order get() {
      return new Order("o-1", 1);
    }
  }

  static final class OrderConsumer implements Consumer<Order> {
    final List<Order> received = new ArrayList<>();

    @Override
    public void accept(Order order) {
      received.add(order);
    }
  }

  static final class Enveloped implements Function<Message<Order>, Message<String>> {
    @Override
    public Message<String> apply(Message<Order> message) {
      return message.withPayload(message.payload().id());
    }
  }

  static final class Both implements Function<String, String>, Supplier<String> {
    @Override
    public String apply(String text) {
      return text;
    }

    @Override
    public String get() {
      return "";
    }
  }

  static final class Identity<T> implements Function<T, T> {
    @Override
    public T apply(T value) {
      return value;
    }
  }

  static final class Wrapping<T> implements Function<String, List<T>> {
    @Override
    public List<T> apply(String text) {
      return List.of();
    }
  }

  static final class ArrayInput<T> implements Function<T[], String> {
    @Override
    public String apply(T[] values) {
      return String.valueOf(values.length);
    }
  }

  @SuppressWarnings("rawtypes")
  static final class RawFunction implements Function {
    @Override
    public Object apply(Object value) {
      return value;
    }
  }

  static final class HookedFunction implements Function<String, String>, Lifecycle {
    @Override
    public String apply(String text) {
      return text;
    }
  }

  static final class PlainHook implements Lifecycle {}

  @Nested
  class ClassInstances {

    @Test
    void resolvesTheTypesOfAClassFromItsGenericInterface() {
      // when
      FunctionCatalog catalog = FunctionCatalog.of(registry -> registry.add(new Uppercase()));

      // then
      FunctionDefinition uppercase = catalog.find("uppercase").orElseThrow();
      assertThat(uppercase.kind()).isEqualTo(FunctionKind.FUNCTION);
      assertThat(uppercase.inputType()).isEqualTo(String.class);
      assertThat(uppercase.outputType()).isEqualTo(String.class);
      assertThat(uppercase.call("abc")).isEqualTo("ABC");
    }

    @Test
    void resolvesTheTypesThroughAnAbstractGenericSuperclass() {
      // when
      FunctionCatalog catalog = FunctionCatalog.of(registry -> registry.add(new Length()));

      // then
      FunctionDefinition length = catalog.find("length").orElseThrow();
      assertThat(length.inputType()).isEqualTo(String.class);
      assertThat(length.outputType()).isEqualTo(Integer.class);
    }

    @Test
    void resolvesTheTypesThroughTwoLevelsOfGenericSuperclasses() {
      // when
      FunctionCatalog catalog = FunctionCatalog.of(registry -> registry.add(new Checksum()));

      // then
      FunctionDefinition checksum = catalog.find("checksum").orElseThrow();
      assertThat(checksum.inputType()).isEqualTo(String.class);
      assertThat(checksum.outputType()).isEqualTo(Long.class);
    }

    @Test
    void resolvesTheTypesThroughAGenericInterfaceThatReordersItsVariables() {
      // when
      FunctionCatalog catalog = FunctionCatalog.of(registry -> registry.add(new ParseQuantity()));

      // then
      FunctionDefinition parse = catalog.find("parseQuantity").orElseThrow();
      assertThat(parse.inputType()).isEqualTo(String.class);
      assertThat(parse.outputType()).isEqualTo(Integer.class);
    }

    @Test
    void resolvesTheTypesThroughAGenericIntermediateInterface() {
      // when
      FunctionCatalog catalog = FunctionCatalog.of(registry -> registry.add(new Approve()));

      // then
      FunctionDefinition approve = catalog.find("approve").orElseThrow();
      assertThat(approve.inputType()).isEqualTo(Order.class);
      assertThat(approve.outputType()).isEqualTo(Boolean.class);
      assertThat(approve.signature().input().kind()).isEqualTo(DataType.Kind.JSON);
    }

    @Test
    void resolvesAVariableNestedInAParameterizedTypeOfAnIntermediateInterface() {
      // when
      FunctionCatalog catalog = FunctionCatalog.of(registry -> registry.add(new Twice()));

      // then
      FunctionDefinition twice = catalog.find("twice").orElseThrow();
      assertThat(twice.inputType()).isEqualTo(Order.class);
      assertThat(twice.outputType().getTypeName())
          .isEqualTo("java.util.List<" + Order.class.getName() + ">");
    }

    @Test
    void resolvesAVariableNestedInAParameterizedTypeOfASuperclass() {
      // when
      FunctionCatalog catalog = FunctionCatalog.of(registry -> registry.add(new CountWords()));

      // then
      FunctionDefinition count = catalog.find("countWords").orElseThrow();
      assertThat(count.inputType().getTypeName()).isEqualTo("java.util.List<java.lang.String>");
      assertThat(count.signature().inputShape()).isEqualTo(Shape.LIST);
    }

    @Test
    void resolvesASupplierThroughAGenericSuperclass() {
      // when
      FunctionCatalog catalog = FunctionCatalog.of(registry -> registry.add(new OrderSupplier()));

      // then
      FunctionDefinition supplier = catalog.find("orderSupplier").orElseThrow();
      assertThat(supplier.kind()).isEqualTo(FunctionKind.SUPPLIER);
      assertThat(supplier.inputType()).isEqualTo(Void.class);
      assertThat(supplier.outputType()).isEqualTo(Order.class);
      assertThat(supplier.signature().input()).isEqualTo(DataType.VOID);
      assertThat(supplier.call(null)).isEqualTo(new Order("o-1", 1));
    }

    @Test
    void resolvesAConsumerAndCallsIt() {
      // given
      OrderConsumer consumer = new OrderConsumer();

      // when
      FunctionCatalog catalog = FunctionCatalog.of(registry -> registry.add(consumer));
      FunctionDefinition definition = catalog.find("orderConsumer").orElseThrow();
      Object returned = definition.call(new Order("o-2", 2));

      // then
      assertThat(definition.kind()).isEqualTo(FunctionKind.CONSUMER);
      assertThat(definition.inputType()).isEqualTo(Order.class);
      assertThat(definition.outputType()).isEqualTo(Void.class);
      assertThat(returned).isNull();
      assertThat(consumer.received).containsExactly(new Order("o-2", 2));
    }

    @Test
    void takesMessageWrappersApartIntoPayloadTypes() {
      // when
      FunctionCatalog catalog = FunctionCatalog.of(registry -> registry.add(new Enveloped()));

      // then
      Signature signature = catalog.find("enveloped").orElseThrow().signature();
      assertThat(signature.inputMessage()).isTrue();
      assertThat(signature.input().rawClass()).isEqualTo(Order.class);
      assertThat(signature.outputWrapper()).isEqualTo(OutputWrapper.MESSAGE);
      assertThat(signature.output().kind()).isEqualTo(DataType.Kind.TEXT);
    }

    @Test
    void registersAnAnonymousClassUnderAnExplicitName() {
      // given
      Function<String, Integer> anonymous =
          new Function<>() {
            @Override
            public Integer apply(String text) {
              return text.length();
            }
          };

      // when
      FunctionCatalog catalog = FunctionCatalog.of(registry -> registry.add("size", anonymous));

      // then
      FunctionDefinition size = catalog.find("size").orElseThrow();
      assertThat(size.inputType()).isEqualTo(String.class);
      assertThat(size.outputType()).isEqualTo(Integer.class);
    }

    @Test
    void keepsTheRegistrationOrder() {
      // when
      FunctionCatalog catalog =
          FunctionCatalog.of(
              registry ->
                  registry.add(new Length()).add(new Uppercase()).add("aaa", new Checksum()));

      // then
      assertThat(catalog.functions())
          .extracting(FunctionDefinition::name)
          .containsExactly("length", "uppercase", "aaa");
      assertThat(catalog.size()).isEqualTo(3);
      assertThat(catalog.find("nothing")).isEmpty();
    }
  }

  @Nested
  class DefaultNames {

    @Test
    void namesAClassByItsSimpleNameWithALowerCaseFirstLetter() {
      // when
      FunctionCatalog catalog =
          FunctionCatalog.of(registry -> registry.add(new Uppercase()).add(new ParseQuantity()));

      // then
      assertThat(catalog.functions())
          .extracting(FunctionDefinition::name)
          .containsExactly("uppercase", "parseQuantity");
    }

    @Test
    void namesAnAnnotatedClassByItsFunctionName() {
      // when
      FunctionCatalog catalog = FunctionCatalog.of(registry -> registry.add(new Shouter()));

      // then
      assertThat(catalog.functions())
          .extracting(FunctionDefinition::name)
          .containsExactly("shout-it");
    }

    @Test
    void letsAnExplicitNameWinOverTheAnnotation() {
      // when
      FunctionCatalog catalog = FunctionCatalog.of(registry -> registry.add("loud", new Shouter()));

      // then
      assertThat(catalog.find("loud")).isPresent();
      assertThat(catalog.find("shout-it")).isEmpty();
    }

    @Test
    void refusesAnAnonymousClassWithoutAName() {
      // given
      Supplier<String> anonymous =
          new Supplier<>() {
            @Override
            public String get() {
              return "x";
            }
          };

      // when / then
      assertThatThrownBy(() -> FunctionCatalog.of(registry -> registry.add(anonymous)))
          .isInstanceOf(CatalogException.class)
          .hasMessageContaining("has no simple name")
          .hasMessageContaining("give it a name");
    }
  }

  @Nested
  class ExplicitTypes {

    @Test
    void registersALambdaWithClassTypes() {
      // when
      FunctionCatalog catalog =
          FunctionCatalog.of(
              registry -> registry.function("length", String.class, Integer.class, String::length));

      // then
      FunctionDefinition length = catalog.find("length").orElseThrow();
      assertThat(length.kind()).isEqualTo(FunctionKind.FUNCTION);
      assertThat(length.inputType()).isEqualTo(String.class);
      assertThat(length.outputType()).isEqualTo(Integer.class);
      assertThat(length.call("four")).isEqualTo(4);
    }

    @Test
    void registersALambdaWithGenericTypeRefs() {
      // when
      FunctionCatalog catalog =
          FunctionCatalog.of(
              registry ->
                  registry.function(
                      "total",
                      new TypeRef<List<Order>>() {},
                      TypeRef.of(Integer.class),
                      orders -> orders.stream().mapToInt(Order::quantity).sum()));

      // then
      FunctionDefinition total = catalog.find("total").orElseThrow();
      assertThat(total.inputType().getTypeName())
          .isEqualTo("java.util.List<" + Order.class.getName() + ">");
      assertThat(total.signature().inputShape()).isEqualTo(Shape.LIST);
      assertThat(total.signature().input().rawClass()).isEqualTo(Order.class);
      assertThat(total.call(List.of(new Order("a", 2), new Order("b", 3)))).isEqualTo(5);
    }

    @Test
    void registersSupplierAndConsumerLambdas() {
      // given
      List<String> seen = new ArrayList<>();

      // when
      FunctionCatalog catalog =
          FunctionCatalog.of(
              registry ->
                  registry
                      .supplier("hello", TypeRef.of(String.class), () -> "hello")
                      .consumer("log", TypeRef.of(String.class), seen::add));

      // then
      FunctionDefinition hello = catalog.find("hello").orElseThrow();
      FunctionDefinition log = catalog.find("log").orElseThrow();
      assertThat(hello.kind()).isEqualTo(FunctionKind.SUPPLIER);
      assertThat(hello.inputType()).isEqualTo(Void.class);
      assertThat(hello.outputType()).isEqualTo(String.class);
      assertThat(hello.call(null)).isEqualTo("hello");
      assertThat(log.kind()).isEqualTo(FunctionKind.CONSUMER);
      assertThat(log.inputType()).isEqualTo(String.class);
      assertThat(log.outputType()).isEqualTo(Void.class);
      assertThat(log.call("line")).isNull();
      assertThat(seen).containsExactly("line");
    }

    @Test
    void registersALambdaOverMessages() {
      // when
      FunctionCatalog catalog =
          FunctionCatalog.of(
              registry ->
                  registry.function(
                      "echo",
                      new TypeRef<Message<Order>>() {},
                      new TypeRef<Message<Order>>() {},
                      message -> message));

      // then
      Signature signature = catalog.find("echo").orElseThrow().signature();
      assertThat(signature.inputMessage()).isTrue();
      assertThat(signature.input().rawClass()).isEqualTo(Order.class);
      assertThat(signature.outputWrapper()).isEqualTo(OutputWrapper.MESSAGE);
      assertThat(signature.output().rawClass()).isEqualTo(Order.class);
    }

    @Test
    void refusesAMessageNestedInAMessage() {
      // when / then
      assertThatThrownBy(
              () ->
                  FunctionCatalog.of(
                      registry ->
                          registry.function(
                              "nested",
                              new TypeRef<Message<Message<String>>>() {},
                              TypeRef.of(String.class),
                              message -> "")))
          .isInstanceOf(CatalogException.class)
          .hasMessageContaining("'nested'")
          .hasMessageContaining("unsupported input nesting");
    }

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void refusesARawMessageType() {
      // when / then
      assertThatThrownBy(
              () ->
                  FunctionCatalog.of(
                      registry ->
                          registry.function(
                              "raw", (Class) Message.class, String.class, message -> "")))
          .isInstanceOf(CatalogException.class)
          .hasMessageContaining("'raw'")
          .hasMessageContaining("raw type");
    }

    @Test
    void refusesAnObjectOfTheWrongKind() {
      // when / then
      assertThatThrownBy(
              () ->
                  FunctionDefinition.of(
                      "wrong", FunctionKind.SUPPLIER, new Uppercase(), null, String.class))
          .isInstanceOf(CatalogException.class)
          .hasMessageContaining("'wrong' is registered as a supplier")
          .hasMessageContaining(Uppercase.class.getName())
          .hasMessageContaining("java.util.function.Supplier");
    }
  }

  @Nested
  class Failures {

    @Test
    void namesBothRegistrationsOfADuplicateName() {
      // when / then
      assertThatThrownBy(
              () ->
                  FunctionCatalog.of(
                      registry ->
                          registry
                              .add(new Uppercase())
                              .function("uppercase", String.class, String.class, s -> s)))
          .isInstanceOf(CatalogException.class)
          .hasMessageContaining("'uppercase' is registered twice")
          .hasMessageContaining("by " + Uppercase.class.getName())
          .hasMessageContaining("by registry.function(uppercase)");
    }

    @Test
    void refusesADuplicateAcrossSupplierAndConsumer() {
      // when / then
      assertThatThrownBy(
              () ->
                  FunctionCatalog.of(
                      registry ->
                          registry
                              .supplier("same", TypeRef.of(String.class), () -> "")
                              .consumer("same", TypeRef.of(String.class), s -> {})))
          .isInstanceOf(CatalogException.class)
          .hasMessageContaining("registry.supplier(same)")
          .hasMessageContaining("registry.consumer(same)");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "", " ", "-lead", ".lead", "_lead", "a b", "a|b", "a,b", "a/b", "a:b", "né", "a\n"
        })
    void refusesAnInvalidName(String name) {
      // when / then
      assertThatThrownBy(() -> FunctionCatalog.of(registry -> registry.add(name, new Uppercase())))
          .isInstanceOf(CatalogException.class)
          .hasMessageContaining("Invalid function name '" + name + "'")
          .hasMessageContaining("starting with a letter or digit");
    }

    @Test
    void refusesANameLongerThan256Characters() {
      // given
      String longest = "a".repeat(256);
      String tooLong = "a".repeat(257);

      // when
      FunctionCatalog catalog =
          FunctionCatalog.of(registry -> registry.add(longest, new Uppercase()));

      // then
      assertThat(catalog.find(longest)).isPresent();
      assertThatThrownBy(
              () -> FunctionCatalog.of(registry -> registry.add(tooLong, new Uppercase())))
          .isInstanceOf(CatalogException.class)
          .hasMessageContaining("Invalid function name");
    }

    @Test
    void acceptsLettersDigitsDotsDashesUnderscoresAndDollars() {
      // when
      FunctionCatalog catalog =
          FunctionCatalog.of(registry -> registry.add("9Orders.v2_new-ones$x", new Uppercase()));

      // then
      assertThat(catalog.find("9Orders.v2_new-ones$x")).isPresent();
    }

    @Test
    void refusesALambdaRegisteredWithAdd() {
      // given
      Function<String, String> lambda = text -> text;

      // when / then
      assertThatThrownBy(() -> FunctionCatalog.of(registry -> registry.add("echo", lambda)))
          .isInstanceOf(CatalogException.class)
          .hasMessageContaining("'echo' is a lambda or method reference")
          .hasMessageContaining("registry.function(name, inputType, outputType, fn)");
    }

    @Test
    void refusesAMethodReferenceRegisteredWithAddWithoutAName() {
      // given
      Supplier<String> reference = "constant"::toString;

      // when / then
      assertThatThrownBy(() -> FunctionCatalog.of(registry -> registry.add(reference)))
          .isInstanceOf(CatalogException.class)
          .hasMessageContaining("lambda or method reference");
    }

    @Test
    void refusesAClassImplementingTwoFunctionShapes() {
      // when / then
      assertThatThrownBy(() -> FunctionCatalog.of(registry -> registry.add(new Both())))
          .isInstanceOf(CatalogException.class)
          .hasMessageContaining(Both.class.getName())
          .hasMessageContaining("implements more than one of Function, Supplier and Consumer")
          .hasMessageContaining("'both'");
    }

    @Test
    void refusesAnObjectThatIsNoFunction() {
      // when / then
      assertThatThrownBy(
              () -> FunctionCatalog.of(registry -> registry.add("text", "not a function")))
          .isInstanceOf(CatalogException.class)
          .hasMessageContaining(
              "java.lang.String does not implement Function, Supplier or Consumer");
    }

    @Test
    void refusesAnUnresolvableTypeVariable() {
      // when / then
      assertThatThrownBy(
              () -> FunctionCatalog.of(registry -> registry.add("same", new Identity<String>())))
          .isInstanceOf(CatalogException.class)
          .hasMessageContaining("Function 'same'")
          .hasMessageContaining("cannot resolve the type arguments of Function")
          .hasMessageContaining(Identity.class.getName())
          .hasMessageContaining("(found T)")
          .hasMessageContaining("register it with explicit types");
    }

    @Test
    void refusesATypeVariableNestedInATypeArgument() {
      // when / then
      assertThatThrownBy(
              () -> FunctionCatalog.of(registry -> registry.add("wrap", new Wrapping<String>())))
          .isInstanceOf(CatalogException.class)
          .hasMessageContaining("cannot resolve the type arguments")
          .hasMessageContaining("java.util.List<T>");
    }

    @Test
    void refusesATypeVariableInAnArrayType() {
      // when / then
      assertThatThrownBy(
              () -> FunctionCatalog.of(registry -> registry.add("array", new ArrayInput<String>())))
          .isInstanceOf(CatalogException.class)
          .hasMessageContaining("cannot resolve the type arguments");
    }

    @Test
    void refusesARawFunctionClass() {
      // when / then
      assertThatThrownBy(() -> FunctionCatalog.of(registry -> registry.add(new RawFunction())))
          .isInstanceOf(CatalogException.class)
          .hasMessageContaining("cannot resolve the type arguments of Function")
          .hasMessageContaining(RawFunction.class.getName());
    }
  }

  @Nested
  class LifecycleHooksOfTheCatalog {

    @Test
    void addsAFunctionObjectThatImplementsLifecycleAfterTheRegisteredHooks() {
      // given
      PlainHook registered = new PlainHook();
      HookedFunction function = new HookedFunction();

      // when
      FunctionCatalog catalog =
          FunctionCatalog.of(
              registry -> registry.add(new Uppercase()).add(function).lifecycle(registered));

      // then
      assertThat(catalog.lifecycleHooks()).containsExactly(registered, function);
    }

    @Test
    void listsAFunctionObjectRegisteredTwiceOnlyOnceAsAHook() {
      // given
      HookedFunction function = new HookedFunction();

      // when
      FunctionCatalog catalog =
          FunctionCatalog.of(registry -> registry.add("one", function).add("two", function));

      // then
      assertThat(catalog.size()).isEqualTo(2);
      assertThat(catalog.lifecycleHooks()).containsExactly(function);
    }

    @Test
    void refusesANullHook() {
      // when / then
      assertThatThrownBy(() -> FunctionCatalog.of(registry -> registry.lifecycle(null)))
          .isInstanceOf(NullPointerException.class)
          .hasMessageContaining("lifecycle");
    }

    @Test
    void exposesAnUnmodifiableCatalog() {
      // given
      FunctionCatalog catalog = FunctionCatalog.of(registry -> registry.add(new Uppercase()));

      // when / then
      assertThatThrownBy(() -> catalog.functions().clear())
          .isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> catalog.lifecycleHooks().add(new PlainHook()))
          .isInstanceOf(UnsupportedOperationException.class);
    }
  }
}
