package com.tanhdev.pullsecret.provision;

import java.util.Map;

/**
 * A namespace as the cache holds it: only what selection needs.
 *
 * @param isTerminating deletion has begun; nothing is created or removed in it any more
 */
public record NamespaceState(String name, Map<String, String> labels, boolean isTerminating) {

  public NamespaceState {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }
}
