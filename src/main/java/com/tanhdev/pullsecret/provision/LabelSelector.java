package com.tanhdev.pullsecret.provision;

import java.util.List;
import java.util.Map;

/**
 * A Kubernetes label selector: every {@code matchLabels} pair and every expression must hold. The
 * empty selector matches every namespace, as in a namespaceSelector.
 */
public record LabelSelector(Map<String, String> matchLabels, List<LabelRequirement> expressions) {

  public static final LabelSelector EVERYTHING = new LabelSelector(Map.of(), List.of());

  public LabelSelector {
    matchLabels = Map.copyOf(matchLabels);
    expressions = List.copyOf(expressions);
  }

  public boolean matches(Map<String, String> labels) {
    Map<String, String> present = labels == null ? Map.of() : labels;
    return matchLabels.entrySet().stream()
            .allMatch(pair -> pair.getValue().equals(present.get(pair.getKey())))
        && expressions.stream().allMatch(expression -> expression.matches(present));
  }
}
