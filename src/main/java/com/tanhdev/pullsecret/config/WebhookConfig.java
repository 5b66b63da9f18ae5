package com.tanhdev.pullsecret.config;

import com.tanhdev.pullsecret.policy.PolicySettings;
import com.tanhdev.pullsecret.provision.ProvisioningSettings;
import java.util.List;

/**
 * The whole validated configuration.
 *
 * @param policy what happens to objects (reloadable)
 * @param server listening settings (restart to change)
 * @param certificates how the serving certificate is obtained (restart to change)
 * @param excludedNamespaces namespaces the webhook is not meant to serve, which {@code audit} does
 *     not report on; the chart renders the same list as its webhook configuration leaves out
 */
public record WebhookConfig(
    PolicySettings policy,
    ServerSettings server,
    CertificateSettings certificates,
    List<String> excludedNamespaces,
    ProvisioningSettings provisioning) {

  /** The control plane's own namespaces: no workload there pulls from a private registry. */
  public static final List<String> DEFAULT_EXCLUDED_NAMESPACES =
      List.of("kube-system", "kube-public", "kube-node-lease");

  public WebhookConfig {
    excludedNamespaces = List.copyOf(excludedNamespaces);
  }
}
