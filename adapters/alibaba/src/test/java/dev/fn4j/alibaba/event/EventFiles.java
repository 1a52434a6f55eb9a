package dev.fn4j.alibaba.event;

import dev.fn4j.core.convert.JsonCodec;
import dev.fn4j.core.convert.JsonTree;
import dev.fn4j.core.convert.Payload;
import java.lang.reflect.Type;

/**
 * The project's own FC event files ({@code src/test/resources/events/alibaba/<trigger>/}), bound
 * the way a function that declares a type gets them: through the core's {@link JsonCodec}.
 */
final class EventFiles {

  private EventFiles() {}

  static byte[] bytes(String path) {
    return dev.fn4j.testkit.EventFiles.bytes("events/alibaba/" + path);
  }

  /** Binds a file to a declared type, as the core does for a function's input. */
  static <T> T bind(String path, Class<T> type) {
    return type.cast(bind(path, (Type) type));
  }

  static Object bind(String path, Type type) {
    return JsonCodec.instance().read(Payload.ofBytes(bytes(path)), type);
  }

  /** The file as a plain JSON tree. */
  static Object tree(String path) {
    return JsonTree.parse(bytes(path));
  }

  /** A value written back as the core writes a function's output, as a plain JSON tree. */
  static Object written(Object value) {
    return JsonTree.parse(JsonCodec.instance().write(value));
  }
}
