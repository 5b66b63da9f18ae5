package com.tanhdev.pullsecret.provision.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.function.Consumer;

/**
 * An informer handler that passes on which object changed (add, update or delete) and nothing else.
 */
final class KeyHandler<T extends HasMetadata> implements ResourceEventHandler<T> {

  private final Consumer<T> changed;

  KeyHandler(Consumer<T> changed) {
    this.changed = changed;
  }

  @Override
  public void onAdd(T object) {
    changed.accept(object);
  }

  @Override
  public void onUpdate(T before, T after) {
    changed.accept(after);
  }

  @Override
  public void onDelete(T object, boolean finalStateUnknown) {
    changed.accept(object);
  }
}
