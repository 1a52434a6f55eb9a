package dev.fn4j.aws;

import dev.fn4j.core.lifecycle.LifecycleHooks;
import org.crac.Core;
import org.crac.Resource;

/**
 * Connects Lambda SnapStart (CRaC) to the neutral lifecycle: before the snapshot every {@code
 * Lifecycle.beforeCheckpoint()} runs (close connections, prime caches by invoking functions), after
 * a restore every {@code Lifecycle.afterRestore()}. Outside SnapStart the registration does
 * nothing.
 */
final class SnapStartHooks implements Resource {

  /** CRaC keeps resources weakly: this strong reference keeps the hooks registered. */
  private static SnapStartHooks registered;

  private final LifecycleHooks hooks;

  private SnapStartHooks(LifecycleHooks hooks) {
    this.hooks = hooks;
  }

  static synchronized void register(LifecycleHooks hooks) {
    if (registered == null) {
      registered = new SnapStartHooks(hooks);
      Core.getGlobalContext().register(registered);
    }
  }

  @Override
  public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
    hooks.beforeCheckpoint();
  }

  @Override
  public void afterRestore(org.crac.Context<? extends Resource> context) {
    hooks.afterRestore();
  }
}
