package com.tanhdev.pullsecret.audit;

import com.tanhdev.pullsecret.config.WebhookConfig;
import io.fabric8.kubernetes.api.model.Namespace;
import java.util.Map;
import java.util.Set;

/**
 * Which namespaces are expected to hold the rules' secrets. Today that is every namespace but the
 * excluded ones; a configured provisioning selector would answer here instead, so that {@code
 * audit} checks exactly the namespaces that are meant to receive the secret.
 */
public interface NamespaceSelection {

  /**
   * The label that opts a namespace out of the webhook (the chart's namespace selector uses it).
   */
  String OPT_OUT_LABEL = "pullsecret.tanhdev.com/inject";

  boolean selects(Namespace namespace);

  /** What the configuration selects. */
  static NamespaceSelection of(WebhookConfig config) {
    return allExcept(Set.copyOf(config.excludedNamespaces()));
  }

  /** Every namespace except those named and those labelled {@code inject=disabled}. */
  static NamespaceSelection allExcept(Set<String> excluded) {
    return namespace -> {
      Map<String, String> labels = namespace.getMetadata().getLabels();
      boolean optedOut = labels != null && "disabled".equals(labels.get(OPT_OUT_LABEL));
      return !optedOut && !excluded.contains(namespace.getMetadata().getName());
    };
  }
}
