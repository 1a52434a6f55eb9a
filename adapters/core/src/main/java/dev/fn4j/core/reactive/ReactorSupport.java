package dev.fn4j.core.reactive;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link ReactiveSupport} on Reactor; loaded only when Reactor is present. */
final class ReactorSupport implements ReactiveSupport {

  @Override
  public Object mono(Object value) {
    return Mono.justOrEmpty(value);
  }

  @Override
  public Object flux(List<?> values) {
    return Flux.fromIterable(values);
  }

  @Override
  public CompletionStage<Object> toStage(Object publisher) {
    if (publisher instanceof Mono<?> mono) {
      return mono.map(Object.class::cast).toFuture();
    }
    if (publisher instanceof Flux<?> flux) {
      return flux.collectList().<Object>map(list -> list).toFuture();
    }
    return CompletableFuture.completedFuture(publisher);
  }
}
