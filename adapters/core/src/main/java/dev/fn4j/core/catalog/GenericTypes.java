package dev.fn4j.core.catalog;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;
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

  private static Type substitute(Type type, Map<TypeVariable<?>, Type> bindings) {
    if (type instanceof TypeVariable<?> variable && bindings.containsKey(variable)) {
      return bindings.get(variable);
    }
    return type;
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
