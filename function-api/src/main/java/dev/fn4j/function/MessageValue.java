package dev.fn4j.function;

import java.util.Objects;

/** The one implementation of {@link Message}. */
record MessageValue<T>(T payload, Headers headers, InvocationContext context)
    implements Message<T> {

  MessageValue {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(context, "context");
  }

  @Override
  public <R> Message<R> withPayload(R newPayload) {
    return new MessageValue<>(newPayload, headers, context);
  }

  @Override
  public Message<T> withHeaders(Headers newHeaders) {
    return new MessageValue<>(payload, newHeaders, context);
  }
}
