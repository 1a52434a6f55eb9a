package dev.fn4j.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypeRefTest {

  /** A generic subclass between {@link TypeRef} and the anonymous class, as a user might write. */
  abstract static class MapOfStringTo<V> extends TypeRef<Map<String, V>> {}

  /** Captured with a type variable: no concrete type reaches {@link TypeRef}. */
  private static <X> TypeRef<X> captureTypeVariable() {
    return new TypeRef<X>() {};
  }

  @SuppressWarnings("unused")
  private List<String> listOfStrings;

  @Test
  void anonymousSubclassCapturesAGenericType() {
    // given / when
    TypeRef<List<String>> ref = new TypeRef<List<String>>() {};

    // then
    assertThat(ref.type()).isInstanceOf(ParameterizedType.class);
    ParameterizedType type = (ParameterizedType) ref.type();
    assertThat(type.getRawType()).isEqualTo(List.class);
    assertThat(type.getActualTypeArguments()).containsExactly(String.class);
    assertThat(ref).hasToString("java.util.List<java.lang.String>");
  }

  @Test
  void anonymousSubclassCapturesANestedGenericType() {
    // given / when
    TypeRef<Map<String, List<Integer>>> ref = new TypeRef<Map<String, List<Integer>>>() {};

    // then
    assertThat(ref.type().getTypeName())
        .isEqualTo("java.util.Map<java.lang.String, java.util.List<java.lang.Integer>>");
  }

  @Test
  void ofCapturesAClass() {
    // given / when
    TypeRef<String> ref = TypeRef.of(String.class);

    // then
    assertThat(ref.type()).isEqualTo(String.class);
    assertThat(ref).hasToString("java.lang.String");
  }

  @Test
  void ofTypeCapturesAReflectedType() throws NoSuchFieldException {
    // given
    Type reflected = TypeRefTest.class.getDeclaredField("listOfStrings").getGenericType();

    // when
    TypeRef<List<String>> ref = TypeRef.ofType(reflected);

    // then
    assertThat(ref.type()).isEqualTo(reflected);
    assertThat(ref).isEqualTo(new TypeRef<List<String>>() {});
  }

  @Test
  void nullTypeIsRejected() {
    assertThatNullPointerException().isThrownBy(() -> TypeRef.of(null));
    assertThatNullPointerException().isThrownBy(() -> TypeRef.ofType(null));
  }

  @Test
  void refsToTheSameTypeAreEqual() {
    // given
    TypeRef<List<String>> one = new TypeRef<List<String>>() {};
    TypeRef<List<String>> two = new TypeRef<List<String>>() {};

    // when / then
    assertThat(one).isEqualTo(two).hasSameHashCodeAs(two);
    assertThat(TypeRef.of(String.class))
        .isEqualTo(new TypeRef<String>() {})
        .hasSameHashCodeAs(new TypeRef<String>() {});
  }

  @Test
  void refsToDifferentTypesAreNotEqual() {
    // given
    TypeRef<List<String>> strings = new TypeRef<List<String>>() {};

    // when / then
    assertThat(strings).isNotEqualTo(new TypeRef<List<Integer>>() {});
    assertThat(strings).isNotEqualTo(TypeRef.of(List.class));
    assertThat(TypeRef.of(String.class)).isNotEqualTo(TypeRef.of(Integer.class));
    assertThat(TypeRef.of(String.class)).isNotEqualTo(String.class);
  }

  @Test
  @SuppressWarnings("rawtypes")
  void subclassWithoutATypeArgumentIsRejected() {
    assertThatIllegalStateException()
        .isThrownBy(() -> new TypeRef() {})
        .withMessageContaining("type argument");
  }

  @Test
  void typeVariableIsRejectedAsNoConcreteTypeArgument() {
    assertThatIllegalStateException().isThrownBy(TypeRefTest::captureTypeVariable);
  }

  @Test
  void intermediateGenericSubclassDoesNotCaptureAWrongType() {
    // given / when
    Throwable thrown = catchThrowable(() -> new MapOfStringTo<Integer>() {});

    // then: either the right type is captured or the subclass is refused
    if (thrown == null) {
      assertThat(new MapOfStringTo<Integer>() {}.type().getTypeName())
          .isEqualTo("java.util.Map<java.lang.String, java.lang.Integer>");
    } else {
      assertThat(thrown).isInstanceOf(IllegalStateException.class);
    }
  }
}
