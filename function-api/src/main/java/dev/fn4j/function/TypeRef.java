package dev.fn4j.function;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * A type, generic ones included, captured for registration: {@code new TypeRef<List<Order>>() {}}
 * keeps {@code List<Order>}, which a plain {@code Class} cannot.
 *
 * @param <T> the captured type
 */
public abstract class TypeRef<T> {

  private final Type type;

  /**
   * Captures the type argument of an anonymous subclass.
   *
   * @throws IllegalStateException when the subclass gives no concrete type argument
   */
  protected TypeRef() {
    Type superclass = getClass().getGenericSuperclass();
    if (getClass().getSuperclass() != TypeRef.class
        || !(superclass instanceof ParameterizedType parameterized)
        || !isConcrete(parameterized.getActualTypeArguments()[0])) {
      throw new IllegalStateException(
          "TypeRef needs a concrete type argument given directly, as in"
              + " new TypeRef<List<Order>>() {}");
    }
    this.type = parameterized.getActualTypeArguments()[0];
  }

  private static boolean isConcrete(Type type) {
    if (type instanceof java.lang.reflect.TypeVariable<?>) {
      return false;
    }
    if (type instanceof java.lang.reflect.WildcardType wildcard) {
      return java.util.Arrays.stream(wildcard.getUpperBounds()).allMatch(TypeRef::isConcrete)
          && java.util.Arrays.stream(wildcard.getLowerBounds()).allMatch(TypeRef::isConcrete);
    }
    if (type instanceof java.lang.reflect.GenericArrayType array) {
      return isConcrete(array.getGenericComponentType());
    }
    if (type instanceof ParameterizedType parameterized) {
      return java.util.Arrays.stream(parameterized.getActualTypeArguments())
          .allMatch(TypeRef::isConcrete);
    }
    return true;
  }

  private TypeRef(Type type) {
    this.type = Objects.requireNonNull(type, "type");
  }

  /**
   * Returns a reference to a non-generic type.
   *
   * @param type the class
   * @param <T> the type
   * @return the reference
   */
  public static <T> TypeRef<T> of(Class<T> type) {
    return new TypeRef<>(type) {};
  }

  /**
   * Returns a reference to any reflected type; the caller vouches for {@code T}.
   *
   * @param type the type
   * @param <T> the type
   * @return the reference
   */
  public static <T> TypeRef<T> ofType(Type type) {
    return new TypeRef<>(type) {};
  }

  /**
   * Returns the captured type.
   *
   * @return the type
   */
  public final Type type() {
    return type;
  }

  @Override
  public final boolean equals(Object other) {
    return other instanceof TypeRef<?> ref && type.equals(ref.type);
  }

  @Override
  public final int hashCode() {
    return type.hashCode();
  }

  @Override
  public final String toString() {
    return type.getTypeName();
  }
}
