package dev.fn4j.core.convert;

import java.io.InputStream;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A declared payload type and how it converts (DESIGN.md §5), worked out once at registration.
 *
 * @param type the declared type, generics included
 * @param rawClass its erasure
 * @param kind how payloads convert to and from it
 */
public record DataType(Type type, Class<?> rawClass, Kind kind) {

  /** How a payload converts to and from a declared type. */
  public enum Kind {
    /** {@code byte[]}: the bytes, untouched. */
    BYTES,
    /** {@code ByteBuffer}: a read-only view of the bytes. */
    BYTE_BUFFER,
    /** {@code InputStream}: a stream over the bytes. */
    INPUT_STREAM,
    /** {@code String}: the body as text; never parsed. */
    TEXT,
    /** Anything else: JSON with the declared generic type. */
    JSON,
    /** {@code void}/{@code Void}: no payload. */
    VOID
  }

  /** The type of no payload. */
  public static final DataType VOID = new DataType(Void.class, Void.class, Kind.VOID);

  public DataType {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(rawClass, "rawClass");
    Objects.requireNonNull(kind, "kind");
  }

  /**
   * Classifies a declared type.
   *
   * @param type the declared type
   * @return its data type
   */
  public static DataType of(Type type) {
    Class<?> raw = rawClass(type);
    Kind kind;
    if (raw == byte[].class) {
      kind = Kind.BYTES;
    } else if (raw == ByteBuffer.class) {
      kind = Kind.BYTE_BUFFER;
    } else if (raw == InputStream.class) {
      kind = Kind.INPUT_STREAM;
    } else if (raw == String.class) {
      kind = Kind.TEXT;
    } else if (raw == Void.class || raw == void.class) {
      return VOID;
    } else {
      kind = Kind.JSON;
    }
    return new DataType(type, raw, kind);
  }

  /**
   * Returns the erasure of a type.
   *
   * @param type a type
   * @return its class; {@code Object} for an unbounded variable or wildcard
   */
  public static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    if (type instanceof GenericArrayType a) {
      return java.lang.reflect.Array.newInstance(rawClass(a.getGenericComponentType()), 0)
          .getClass();
    }
    if (type instanceof WildcardType w) {
      return rawClass(w.getUpperBounds()[0]);
    }
    if (type instanceof TypeVariable<?> v) {
      return rawClass(v.getBounds()[0]);
    }
    return Object.class;
  }

  /**
   * Returns the type's name as users write it, for listings and messages.
   *
   * @return for example {@code java.util.List<com.acme.Order>}
   */
  public String typeName() {
    return type.getTypeName();
  }

  @Override
  public String toString() {
    return typeName();
  }
}
