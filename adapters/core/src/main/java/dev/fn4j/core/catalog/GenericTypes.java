package dev.fn4j.core.catalog;

import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Finds the actual type arguments a class gives a generic interface, through its hierarchy. */
final class GenericTypes {

  private GenericTypes() {}

  /**
   * Returns the type arguments that {@code type} binds for {@code target}.
   *
   * @param type the implementing class
   * @param target a generic interface or class, for example {@code Function.class}
   * @return the arguments, still containing type variables where the class leaves them open; empty
   *     when {@code type} does not implement {@code target}
   */
  static Optional<Type[]> argumentsOf(Class<?> type, Class<?> target) {
    return search(type, target, Map.of());
  }

  private static Optional<Type[]> search(
      Type current, Class<?> target, Map<TypeVariable<?>, Type> bindings) {
    Class<?> raw;
    Map<TypeVariable<?>, Type> scope = bindings;
    if (current instanceof ParameterizedType parameterized) {
      raw = (Class<?>) parameterized.getRawType();
      scope = new HashMap<>();
      TypeVariable<?>[] variables = raw.getTypeParameters();
      Type[] actual = parameterized.getActualTypeArguments();
      for (int i = 0; i < variables.length; i++) {
        scope.put(variables[i], substitute(actual[i], bindings));
      }
      if (raw == target) {
        Type[] resolved = new Type[variables.length];
        for (int i = 0; i < variables.length; i++) {
          resolved[i] = scope.get(variables[i]);
        }
        return Optional.of(resolved);
      }
    } else if (current instanceof Class<?> c) {
      raw = c;
      if (raw == target) {
        return Optional.of(raw.getTypeParameters());
      }
    } else {
      return Optional.empty();
    }
    for (Type candidate : raw.getGenericInterfaces()) {
      Optional<Type[]> found = search(candidate, target, scope);
      if (found.isPresent()) {
        return found;
      }
    }
    Type superclass = raw.getGenericSuperclass();
    return superclass == null ? Optional.empty() : search(superclass, target, scope);
  }

  /** Replaces bound type variables anywhere inside a type, nested arguments included. */
  private static Type substitute(Type type, Map<TypeVariable<?>, Type> bindings) {
    if (type instanceof TypeVariable<?> variable) {
      return bindings.getOrDefault(variable, variable);
    }
    if (type instanceof ParameterizedType parameterized) {
      Type[] arguments = parameterized.getActualTypeArguments().clone();
      boolean changed = false;
      for (int i = 0; i < arguments.length; i++) {
        Type resolved = substitute(arguments[i], bindings);
        changed |= resolved != arguments[i];
        arguments[i] = resolved;
      }
      return changed
          ? new ResolvedType(
              (Class<?>) parameterized.getRawType(), parameterized.getOwnerType(), arguments)
          : type;
    }
    if (type instanceof GenericArrayType array) {
      Type component = substitute(array.getGenericComponentType(), bindings);
      if (component instanceof Class<?> c) {
        return Array.newInstance(c, 0).getClass();
      }
      return component == array.getGenericComponentType() ? type : new ResolvedArray(component);
    }
    return type;
  }

  /** A parameterized type with its variables substituted; equal to the JDK's own instances. */
  private record ResolvedType(Class<?> rawType, Type ownerType, Type[] arguments)
      implements ParameterizedType {
    @Override
    public Type[] getActualTypeArguments() {
      return arguments.clone();
    }

    @Override
    public Type getRawType() {
      return rawType;
    }

    @Override
    public Type getOwnerType() {
      return ownerType;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof ParameterizedType that
          && rawType.equals(that.getRawType())
          && Objects.equals(ownerType, that.getOwnerType())
          && Arrays.equals(arguments, that.getActualTypeArguments());
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(arguments) ^ Objects.hashCode(ownerType) ^ rawType.hashCode();
    }

    @Override
    public String getTypeName() {
      StringBuilder name = new StringBuilder(rawType.getTypeName()).append('<');
      for (int i = 0; i < arguments.length; i++) {
        name.append(i == 0 ? "" : ", ").append(arguments[i].getTypeName());
      }
      return name.append('>').toString();
    }

    @Override
    public String toString() {
      return getTypeName();
    }
  }

  /** A generic array type with its variables substituted. */
  private record ResolvedArray(Type component) implements GenericArrayType {
    @Override
    public Type getGenericComponentType() {
      return component;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof GenericArrayType that
          && component.equals(that.getGenericComponentType());
    }

    @Override
    public int hashCode() {
      return component.hashCode();
    }

    @Override
    public String getTypeName() {
      return component.getTypeName() + "[]";
    }

    @Override
    public String toString() {
      return getTypeName();
    }
  }

  /**
   * Tells whether a type is fully concrete: no type variable anywhere in it.
   *
   * @param type the type
   * @return true when a converter can work with it
   */
  static boolean isConcrete(Type type) {
    if (type instanceof TypeVariable<?>) {
      return false;
    }
    if (type instanceof GenericArrayType array) {
      return isConcrete(array.getGenericComponentType());
    }
    if (type instanceof WildcardType wildcard) {
      return Arrays.stream(wildcard.getUpperBounds()).allMatch(GenericTypes::isConcrete)
          && Arrays.stream(wildcard.getLowerBounds()).allMatch(GenericTypes::isConcrete);
    }
    if (type instanceof ParameterizedType parameterized) {
      for (Type argument : parameterized.getActualTypeArguments()) {
        if (!isConcrete(argument)) {
          return false;
        }
      }
    }
    return true;
  }
}
