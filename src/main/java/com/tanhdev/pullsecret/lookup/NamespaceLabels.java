package com.tanhdev.pullsecret.lookup;

import java.util.Map;
import java.util.Optional;

/**
 * Answers with a namespace's labels, which the webhook needs only when provisioning selects
 * namespaces by label. Production answers from a metadata-only informer (with one bounded live read
 * on a miss, for a namespace created a moment ago); tests use a map.
 */
public interface NamespaceLabels {

  /** Knows no namespace: every answer is "unknown". */
  NamespaceLabels UNKNOWN = namespace -> Optional.empty();

  /**
   * The namespace's labels; empty when they cannot be known now (no such namespace, a failed or
   * slow read). Never throws.
   */
  Optional<Map<String, String>> of(String namespace);
}
