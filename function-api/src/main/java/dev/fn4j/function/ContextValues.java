package dev.fn4j.function;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The one implementation of {@link InvocationContext}. */
record ContextValues(
    String requestId,
    String functionName,
    String platform,
    Instant deadlineValue,
    TraceContext trace,
    Map<String, String> attributes,
    List<Object> raws)
    implements InvocationContext {

  @Override
  public Optional<Instant> deadline() {
    return Optional.ofNullable(deadlineValue);
  }

  @Override
  public <T> Optional<T> unwrap(Class<T> type) {
    for (Object raw : raws) {
      if (type.isInstance(raw)) {
        return Optional.of(type.cast(raw));
      }
    }
    return Optional.empty();
  }

  @Override
  public InvocationContext withFunctionName(String name) {
    return new ContextValues(
        requestId, Objects.requireNonNull(name), platform, deadlineValue, trace, attributes, raws);
  }

  @Override
  public String toString() {
    // Attributes and raw objects may carry secrets: they stay out of the text form.
    return "InvocationContext[requestId="
        + requestId
        + ", functionName="
        + functionName
        + ", platform="
        + platform
        + ", deadline="
        + deadlineValue
        + "]";
  }

  /** Collects values for a {@link ContextValues}. */
  static final class Builder implements InvocationContext.Builder {
    private String requestId = "unknown";
    private String functionName = "";
    private String platform = "local";
    private Instant deadline;
    private TraceContext trace = TraceContext.empty();
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<Object> raws = new ArrayList<>(2);

    @Override
    public Builder requestId(String value) {
      this.requestId = Objects.requireNonNull(value, "requestId");
      return this;
    }

    @Override
    public Builder functionName(String value) {
      this.functionName = Objects.requireNonNull(value, "functionName");
      return this;
    }

    @Override
    public Builder platform(String value) {
      this.platform = Objects.requireNonNull(value, "platform");
      return this;
    }

    @Override
    public Builder deadline(Instant value) {
      this.deadline = value;
      return this;
    }

    @Override
    public Builder trace(TraceContext value) {
      this.trace = Objects.requireNonNull(value, "trace");
      return this;
    }

    @Override
    public Builder attribute(String name, String value) {
      attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, name));
      return this;
    }

    @Override
    public Builder raw(Object raw) {
      raws.add(Objects.requireNonNull(raw, "raw"));
      return this;
    }

    @Override
    public InvocationContext build() {
      return new ContextValues(
          requestId,
          functionName,
          platform,
          deadline,
          trace,
          attributes.isEmpty()
              ? Map.of()
              : Collections.unmodifiableMap(new LinkedHashMap<>(attributes)),
          List.copyOf(raws));
    }
  }
}
