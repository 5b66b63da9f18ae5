package com.tanhdev.pullsecret.provision;

import java.util.Map;
import java.util.Set;

/**
 * One {@code matchExpressions} entry of a label selector, with Kubernetes' meaning.
 *
 * @param values empty for {@code Exists} and {@code DoesNotExist}
 */
public record LabelRequirement(String key, Operator operator, Set<String> values) {

  /** The operators a namespaceSelector accepts. */
  public enum Operator {
    IN,
    NOT_IN,
    EXISTS,
    DOES_NOT_EXIST
  }

  public LabelRequirement {
    values = Set.copyOf(values);
  }

  boolean matches(Map<String, String> labels) {
    String value = labels.get(key);
    return switch (operator) {
      case IN -> value != null && values.contains(value);
      // As in Kubernetes: NotIn also matches an object without the label.
      case NOT_IN -> value == null || !values.contains(value);
      case EXISTS -> value != null;
      case DOES_NOT_EXIST -> value == null;
    };
  }
}
