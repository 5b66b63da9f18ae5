package com.tanhdev.pullsecret.provision;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which rule secrets the provisioner copies into which namespaces, as the webhook needs to know it:
 * a secret that is not in a namespace yet but is about to be copied there can be referenced now,
 * because the kubelet retries a pull until the secret exists.
 *
 * @param sources the source of each provisioned secret, by the copies' name
 * @param selection the configured selection, with the release namespace already excluded
 */
public record ProvisionedNamespaces(Map<String, SourceRef> sources, NamespaceSelection selection) {

  /** No rule has a source: nothing is provisioned. */
  public static final ProvisionedNamespaces NONE =
      new ProvisionedNamespaces(
          Map.of(), new NamespaceSelection(LabelSelector.EVERYTHING, null, Set.of()));

  public ProvisionedNamespaces {
    sources = Map.copyOf(sources);
  }

  /**
   * @param releaseNamespace the namespace the product is installed in, never provisioned; null when
   *     not known
   */
  public static ProvisionedNamespaces of(ProvisioningSettings settings, String releaseNamespace) {
    if (settings.secrets().isEmpty()) {
      return NONE;
    }
    Map<String, SourceRef> sources = new LinkedHashMap<>();
    settings.secrets().forEach(secret -> sources.put(secret.secret(), secret.source()));
    NamespaceSelection selection =
        releaseNamespace == null || releaseNamespace.isBlank()
            ? settings.namespaces()
            : settings.namespaces().excluding(releaseNamespace.trim());
    return new ProvisionedNamespaces(sources, selection);
  }

  /** Whether the answer for {@code secret} depends on the namespace's labels. */
  public boolean readsLabels(String secret) {
    return sources.containsKey(secret) && selection.readsLabels();
  }

  /**
   * @param labels the namespace's labels; only read when {@link #readsLabels} says so
   */
  public boolean isProvisioned(String secret, String namespace, Map<String, String> labels) {
    SourceRef source = sources.get(secret);
    return source != null && selection.receivesCopyOf(source, namespace, labels);
  }
}
