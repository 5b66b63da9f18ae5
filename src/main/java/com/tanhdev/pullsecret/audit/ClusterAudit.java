package com.tanhdev.pullsecret.audit;

import com.tanhdev.pullsecret.config.WebhookConfig;
import com.tanhdev.pullsecret.policy.RuleMatcher;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code audit}'s checks over one read of the cluster: the rules' secrets in every selected
 * namespace, workloads and Pods that will not pull with them, and Pods already failing to pull.
 */
public final class ClusterAudit {

  private final WebhookConfig config;
  private final ClusterReader reader;

  public ClusterAudit(WebhookConfig config, KubernetesClient client, JsonMapper json) {
    this.config = config;
    this.reader = new ClusterReader(client, json);
  }

  /**
   * @param namespaces namespaces to audit; empty means those the configuration selects
   * @return the findings in report order
   * @throws io.fabric8.kubernetes.client.KubernetesClientException when the cluster cannot be read
   * @throws NamespaceNotFoundException when a named namespace does not exist
   */
  public List<AuditFinding> run(List<String> namespaces) {
    ClusterState state =
        reader.read(
            NamespaceSelection.of(config), namespaces, config.policy().registriesBySecret());
    RuleMatcher matcher = new RuleMatcher(config.policy().rules());
    List<AuditFinding> findings = new ArrayList<>();
    findings.addAll(new SecretAudit(config.policy().rules()).findings(state));
    findings.addAll(new WorkloadAudit(matcher).findings(state));
    findings.addAll(new PullFailureAudit(matcher).findings(state));
    findings.sort(AuditFinding.REPORT_ORDER);
    return findings;
  }
}
