package dev.fn4j.knative.sink;

import dev.fn4j.core.FunctionRuntime;
import dev.fn4j.core.catalog.CatalogException;
import dev.fn4j.core.catalog.Composition;
import dev.fn4j.core.catalog.FunctionDefinition;
import dev.fn4j.core.catalog.FunctionKind;
import dev.fn4j.core.catalog.UnknownFunctionException;
import dev.fn4j.core.convert.Payload;
import dev.fn4j.core.dispatch.FunctionException;
import dev.fn4j.core.dispatch.FunctionRequest;
import dev.fn4j.core.dispatch.FunctionResult;
import dev.fn4j.core.dispatch.RequestIds;
import dev.fn4j.function.Headers;
import dev.fn4j.function.InvocationContext;
import dev.fn4j.knative.event.CloudEvent;
import dev.fn4j.knative.event.EventWriter.OutgoingEvent;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Suppliers as event sources: with {@code K_SINK} set (a SinkBinding or ContainerSource), calls a
 * supplier once at start, or every {@code FN4J_SINK_INTERVAL_SECONDS}, and POSTs each value it
 * returns to the sink as a binary-mode CloudEvent, with the extensions of {@code K_CE_OVERRIDES}. A
 * supplier that returns nothing sends nothing. Settings: {@link SinkSettings}.
 */
public final class SinkEmitter {

  /** Builds the attributes of an outgoing event, as replies get theirs. */
  @FunctionalInterface
  public interface EventAttributes {

    /**
     * Builds attributes.
     *
     * @param function the function's name
     * @param incoming the event answered, null for a supplier's event
     * @param replyHeaders the function's reply headers ({@code ce-} ones override)
     * @return the attributes, without {@code datacontenttype}
     */
    Map<String, String> build(String function, CloudEvent incoming, Headers replyHeaders);
  }

  private static final System.Logger LOG = dev.fn4j.core.logging.LazyLogger.of("dev.fn4j.knative");

  private final FunctionRuntime runtime;
  private final Composition supplier;
  private final SinkSettings settings;
  private final EventAttributes attributes;
  private final SinkClient client;
  private ScheduledExecutorService scheduler;

  SinkEmitter(
      FunctionRuntime runtime,
      Composition supplier,
      SinkSettings settings,
      EventAttributes attributes) {
    this.runtime = runtime;
    this.supplier = supplier;
    this.settings = settings;
    this.attributes = attributes;
    this.client = new SinkClient(settings.sink(), settings.retries(), settings.backoff());
  }

  /**
   * Creates the emitter the environment asks for.
   *
   * @param runtime the functions
   * @param attributes builds each event's attributes
   * @param service the service name, for log lines
   * @return the emitter, or empty when {@code K_SINK} is unset or there is no supplier
   * @throws IllegalArgumentException when the settings are malformed, the named function is not a
   *     supplier, or several suppliers qualify and none is named
   */
  public static Optional<SinkEmitter> fromEnvironment(
      FunctionRuntime runtime, EventAttributes attributes, String service) {
    Optional<SinkSettings> settings = SinkSettings.from(runtime.environment());
    if (settings.isEmpty()) {
      return Optional.empty();
    }
    Optional<Composition> supplier = chooseSupplier(runtime, settings.get().function());
    if (supplier.isEmpty()) {
      LOG.log(
          Level.INFO,
          "K_SINK is set but service " + service + " has no supplier: no events are sent to it");
      return Optional.empty();
    }
    return Optional.of(new SinkEmitter(runtime, supplier.get(), settings.get(), attributes));
  }

  static Optional<Composition> chooseSupplier(FunctionRuntime runtime, String named) {
    if (named != null) {
      Composition composition;
      try {
        composition = Composition.resolve(runtime.catalog(), named);
      } catch (CatalogException | UnknownFunctionException e) {
        throw new IllegalArgumentException(
            "FN4J_SINK_FUNCTION is '" + named + "': " + e.getMessage());
      }
      if (composition.kind() != FunctionKind.SUPPLIER) {
        throw new IllegalArgumentException(
            "FN4J_SINK_FUNCTION names '"
                + named
                + "', a "
                + composition.kind().label()
                + "; only a supplier's output can be sent to K_SINK");
      }
      return Optional.of(composition);
    }
    Optional<Composition> selected = runtime.router().selected();
    if (selected.isPresent() && selected.get().kind() == FunctionKind.SUPPLIER) {
      return selected;
    }
    List<FunctionDefinition> suppliers =
        runtime.catalog().functions().stream()
            .filter(f -> f.kind() == FunctionKind.SUPPLIER)
            .toList();
    if (suppliers.size() > 1) {
      throw new IllegalArgumentException(
          "K_SINK is set and there are "
              + suppliers.size()
              + " suppliers ("
              + String.join(", ", suppliers.stream().map(FunctionDefinition::name).toList())
              + "): name the one to send with FN4J_SINK_FUNCTION");
    }
    return suppliers.stream()
        .findFirst()
        .map(f -> Composition.resolve(runtime.catalog(), f.name()));
  }

  /**
   * Describes what is sent where, for the start-up log line.
   *
   * @return for example {@code supplier 'ticks' -> http://broker/ every 10 s}
   */
  public String describe() {
    return "supplier '"
        + supplier.name()
        + "' -> "
        + settings.sink().getScheme()
        + "://"
        + settings.sink().getAuthority()
        + settings.sink().getRawPath()
        + (settings.interval().isZero()
            ? " once"
            : " every " + settings.interval().toSeconds() + " s");
  }

  /** Starts sending, on one daemon thread. */
  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "fn4j-sink");
              thread.setDaemon(true);
              return thread;
            });
    Runnable tick = this::emitLogged;
    if (settings.interval().isZero()) {
      scheduler.execute(tick);
    } else {
      scheduler.scheduleWithFixedDelay(
          tick, 0, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Stops sending; a send in progress is abandoned after at most 5 seconds. */
  public synchronized void stop() {
    if (scheduler == null) {
      return;
    }
    scheduler.shutdown();
    try {
      if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
        scheduler.shutdownNow();
      }
    } catch (InterruptedException e) {
      scheduler.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private void emitLogged() {
    try {
      emit();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Sending to K_SINK failed: " + e.getClass().getName());
    }
  }

  /**
   * Calls the supplier once and sends what it returns.
   *
   * @return what became of the send, or empty when the supplier returned nothing or failed
   * @throws InterruptedException when stopped while waiting to retry
   */
  Optional<SinkClient.Sent> emit() throws InterruptedException {
    String requestId = RequestIds.next();
    FunctionResult result;
    try {
      result =
          runtime
              .dispatcher()
              .call(
                  supplier,
                  new FunctionRequest(
                      Payload.EMPTY,
                      Headers.empty(),
                      InvocationContext.builder()
                          .requestId(requestId)
                          .functionName(supplier.name())
                          .platform("knative")
                          .attribute("knative.sink", settings.sink().toString())
                          .build()));
    } catch (FunctionException e) {
      LOG.log(Level.WARNING, "[" + requestId + "] supplier for K_SINK: " + e.toLogLine());
      return Optional.empty();
    }
    if (result.payload().isEmpty() && result.contentType() == null) {
      return Optional.empty();
    }
    Map<String, String> eventAttributes =
        new LinkedHashMap<>(attributes.build(supplier.name(), null, result.headers()));
    eventAttributes.putAll(settings.extensions());
    OutgoingEvent event =
        new OutgoingEvent(eventAttributes, result.bytes(), result.effectiveContentType());
    SinkClient.Sent sent = client.send(event);
    if (!sent.delivered()) {
      LOG.log(
          Level.WARNING,
          "Event "
              + eventAttributes.get("id")
              + " of supplier '"
              + supplier.name()
              + "' was not accepted by K_SINK after "
              + sent.attempts()
              + " attempt(s); statuses "
              + sent.statuses()
              + " (-1: no connection)");
    }
    return Optional.of(sent);
  }
}
