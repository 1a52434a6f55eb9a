package dev.fn4j.core.dispatch;

import dev.fn4j.core.convert.JsonCodec;
import dev.fn4j.core.convert.MediaTypes;
import dev.fn4j.core.convert.Payload;
import dev.fn4j.function.BatchResult;
import dev.fn4j.function.Headers;
import dev.fn4j.function.HttpReply;
import dev.fn4j.function.Message;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;

/** Converts a function's output to a {@link FunctionResult} (DESIGN.md §5); ENCODE phase. */
final class OutputEncoder {

  private OutputEncoder() {}

  static FunctionResult encode(String name, Object output) {
    if (output instanceof Message<?> message) {
      FunctionResult body = bodyOrBatch(name, message.payload());
      return new FunctionResult(
          body.payload(), body.contentType(), 0, message.headers(), List.of(), body.failedItems());
    }
    if (output instanceof HttpReply<?> reply) {
      FunctionResult body = bodyOrBatch(name, reply.body().orElse(null));
      return new FunctionResult(
          body.payload(),
          body.contentType(),
          reply.statusCode(),
          reply.headers(),
          reply.cookies(),
          body.failedItems());
    }
    return bodyOrBatch(name, output);
  }

  private static FunctionResult bodyOrBatch(String name, Object output) {
    if (output instanceof BatchResult batch) {
      String json = "{\"failedIndices\":" + batch.failedIndices().toString().replace(" ", "") + "}";
      return new FunctionResult(
          Payload.ofText(json),
          MediaTypes.JSON,
          0,
          Headers.empty(),
          List.of(),
          batch.failedIndices());
    }
    return body(name, output);
  }

  /** Encodes a bare value: the runtime type decides, as the declared type may be Object. */
  static FunctionResult body(String name, Object value) {
    if (value == null) {
      return FunctionResult.EMPTY;
    }
    if (value instanceof String text) {
      return FunctionResult.of(Payload.ofText(text), MediaTypes.TEXT_PLAIN);
    }
    if (value instanceof byte[] bytes) {
      return FunctionResult.of(Payload.ofBytes(bytes), MediaTypes.OCTET_STREAM);
    }
    if (value instanceof ByteBuffer buffer) {
      byte[] bytes = new byte[buffer.remaining()];
      buffer.duplicate().get(bytes);
      return FunctionResult.of(Payload.ofBytes(bytes), MediaTypes.OCTET_STREAM);
    }
    if (value instanceof InputStream stream) {
      try (stream) {
        return FunctionResult.of(Payload.ofBytes(stream.readAllBytes()), MediaTypes.OCTET_STREAM);
      } catch (IOException | RuntimeException e) {
        throw FunctionException.outputNotEncodable(
            name, "reading the returned InputStream failed with " + e.getClass().getName(), e);
      }
    }
    try {
      return FunctionResult.of(Payload.ofText(JsonCodec.instance().write(value)), MediaTypes.JSON);
    } catch (JsonCodec.JsonEncodeException e) {
      throw FunctionException.outputNotEncodable(
          name,
          "the output of type " + value.getClass().getName() + " is not serialisable as JSON",
          e);
    } catch (StackOverflowError e) {
      throw FunctionException.outputNotEncodable(
          name,
          "serialising the output of type "
              + value.getClass().getName()
              + " as JSON overflowed the stack (a reference cycle or a recursive getter)",
          e);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (RuntimeException | Error e) {
      throw FunctionException.outputNotEncodable(
          name,
          "serialising the output of type "
              + value.getClass().getName()
              + " as JSON failed with "
              + e.getClass().getName(),
          e);
    }
  }
}
