package dev.fn4j.core.testfunctions;

import java.util.function.Function;

/** Describes an order as {@code "<quantity> x <item>"}. */
public final class Describe implements Function<Order, String> {
  @Override
  public String apply(Order order) {
    return order.quantity() + " x " + order.item();
  }
}
