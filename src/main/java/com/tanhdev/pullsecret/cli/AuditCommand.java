package com.tanhdev.pullsecret.cli;

import com.tanhdev.pullsecret.audit.AuditFinding;
import com.tanhdev.pullsecret.audit.AuditOptions;
import com.tanhdev.pullsecret.audit.AuditReport;
import com.tanhdev.pullsecret.audit.ClusterAudit;
import com.tanhdev.pullsecret.audit.NamespaceNotFoundException;
import com.tanhdev.pullsecret.check.OutputFormat;
import com.tanhdev.pullsecret.config.ConfigLoader;
import com.tanhdev.pullsecret.config.ProcessEnvironment;
import com.tanhdev.pullsecret.config.WebhookConfig;
import com.tanhdev.pullsecret.kube.KubernetesClients;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code audit}: reads the live cluster and reports, for the config's rules, every selected
 * namespace without a usable secret, every workload and Pod that will not pull with it, and every
 * Pod already failing to pull from a configured registry. Read-only.
 */
final class AuditCommand {

  private static final String USAGE =
      """
      Usage: pullsecret-webhook audit [--config FILE] [--output text|json] [--namespace NS]...

      Reads the cluster (kubeconfig, or the in-cluster ServiceAccount) and reports, for the rules:
        secret-missing, secret-wrong-type, secret-unparsable, secret-lacks-registry
                       a namespace lacks a rule's secret, or holds it in a form that cannot pull
        not-injected   a workload or Pod pulls from a rule's registry without the secret
                       (neither in its imagePullSecrets nor through its ServiceAccount)
        pull-failing   a Pod waits in ImagePullBackOff or ErrImagePull on a rule's registry
      Namespaces: all but excludedNamespaces (config) and those labelled
      pullsecret.tanhdev.com/inject=disabled; --namespace (repeatable) audits exactly those.

        --config FILE     the rules file serve uses (default: the embedded default)
        --output FORMAT   text (default) or json, an array of findings
        --namespace NS    audit this namespace (repeat for more)
        --help            print this help

      Exit status: 0 no findings, 1 findings, 2 the cluster cannot be read (or bad options or
      config). Secret data is read only to validate it and never printed.
      """;

  private final Map<String, String> env;
  private final Supplier<KubernetesClient> clients;

  AuditCommand() {
    this(ProcessEnvironment.current().variables(), KubernetesClients::create);
  }

  /** With the environment whose {@code PULLSECRET_*} overrides apply, and a client factory. */
  AuditCommand(Map<String, String> env, Supplier<KubernetesClient> clients) {
    this.env = Map.copyOf(env);
    this.clients = clients;
  }

  int run(List<String> args, PrintStream out, PrintStream err) {
    return CommandFrame.run(
        "audit",
        USAGE,
        () -> AuditOptions.parse(args),
        AuditOptions::help,
        options -> audit(options, out, err),
        out,
        err);
  }

  private int audit(AuditOptions options, PrintStream out, PrintStream err) {
    WebhookConfig config = new ConfigLoader().loadOrEmbedded(options.config(), env);
    JsonMapper json = JsonMapper.builder().build();
    List<AuditFinding> findings;
    try (KubernetesClient client = clients.get()) {
      findings = new ClusterAudit(config, client, json).run(options.namespaces());
    } catch (KubernetesClientException e) {
      err.println("audit: cannot read the cluster: " + reason(e));
      return 2;
    } catch (NamespaceNotFoundException e) {
      err.println("audit: " + e.getMessage());
      return 2;
    }
    AuditReport report = new AuditReport(json);
    if (options.output() == OutputFormat.JSON) {
      report.json(findings, out);
    } else {
      report.text(findings, out);
    }
    return findings.isEmpty() ? 0 : 1;
  }

  /** The API server's own message (a 403 names the verb and resource), else the client's. */
  private static String reason(KubernetesClientException e) {
    if (e.getStatus() != null && e.getStatus().getMessage() != null) {
      return e.getStatus().getMessage();
    }
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    return e.getMessage() + (cause != e ? " (" + cause + ")" : "");
  }
}
