package com.tanhdev.pullsecret.chart;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The provisioner's ServiceAccount and RBAC exactly as the chart renders them, installed on a real
 * API server, and a client that authenticates as that ServiceAccount with a token from the
 * TokenRequest API: a test run under it proves the controller needs no more than the chart grants.
 *
 * <pre>{@code
 * ProvisionerAccount account = ProvisionerAccount.install(admin, release, """
 *     rules:
 *       - {registry: registry-api.tanhdev.com, secret: registry-api-tanhdev,
 *          source: infrastructure/registry-api-tanhdev}
 *     """);
 * try (KubernetesClient asProvisioner = account.newClient()) { ... }
 * }</pre>
 */
public record ProvisionerAccount(
    Config config, String namespace, String serviceAccount, String leaseName) {

  // The API server refuses tokens shorter than ten minutes; a test run is shorter than an hour.
  private static final long TOKEN_SECONDS = 3600;

  private static final List<String> RBAC_TEMPLATES =
      List.of(
          "provisioner-serviceaccount.yaml",
          "provisioner-clusterrole.yaml",
          "provisioner-clusterrolebinding.yaml",
          "provisioner-source-role.yaml",
          "provisioner-source-rolebinding.yaml",
          "provisioner-lease-role.yaml",
          "provisioner-lease-rolebinding.yaml");

  /**
   * Renders the chart as release {@code <namespace>} in that existing namespace with these values
   * (at least the rules, with sources) and {@code provisioner.enabled=true}, and creates its
   * provisioner ServiceAccount, Roles, ClusterRole and bindings. The release name is the namespace
   * name, so that the cluster-wide objects of two tests never collide.
   */
  public static ProvisionerAccount install(
      KubernetesClient admin, String namespace, String valuesYaml) {
    String rendered = render(namespace, valuesYaml);
    List<HasMetadata> objects =
        admin.load(new ByteArrayInputStream(rendered.getBytes(StandardCharsets.UTF_8))).items();
    String serviceAccount = null;
    for (HasMetadata object : objects) {
      admin.resource(object).create();
      if ("ServiceAccount".equals(object.getKind())) {
        serviceAccount = object.getMetadata().getName();
      }
    }
    if (serviceAccount == null) {
      throw new IllegalStateException("the chart rendered no provisioner ServiceAccount");
    }
    String token = requestToken(admin, namespace, serviceAccount);
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(admin.getConfiguration().getMasterUrl())
            .withCaCertData(admin.getConfiguration().getCaCertData())
            .withOauthToken(token)
            .withNamespace(namespace)
            .withRequestRetryBackoffLimit(0)
            .build();
    // The chart names the Lease after the provisioner, as it does its ServiceAccount.
    return new ProvisionerAccount(config, namespace, serviceAccount, serviceAccount);
  }

  /** A new client acting as the provisioner; the caller closes it. */
  public KubernetesClient newClient() {
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /** The user name the API server sees, as in {@code kubectl --as}. */
  public String userName() {
    return "system:serviceaccount:" + namespace + ":" + serviceAccount;
  }

  private static String requestToken(KubernetesClient admin, String namespace, String name) {
    TokenRequest request =
        new TokenRequestBuilder()
            .withNewSpec()
            .withExpirationSeconds(TOKEN_SECONDS)
            .endSpec()
            .build();
    return admin
        .serviceAccounts()
        .inNamespace(namespace)
        .withName(name)
        .tokenRequest(request)
        .getStatus()
        .getToken();
  }

  private static String render(String namespace, String valuesYaml) {
    Path values = null;
    try {
      values = Files.createTempFile("provisioner-values-", ".yaml");
      Files.writeString(values, valuesYaml);
      List<String> arguments = new ArrayList<>();
      arguments.addAll(List.of("--values", values.toString(), "--set", "provisioner.enabled=true"));
      for (String template : RBAC_TEMPLATES) {
        arguments.addAll(List.of("--show-only", "templates/" + template));
      }
      Helm.Result result = renderAs(namespace, arguments);
      if (!result.succeeded()) {
        throw new IllegalStateException("helm template failed: " + result.describe());
      }
      return result.stdout();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the values file", e);
    } finally {
      if (values != null) {
        values.toFile().delete();
      }
    }
  }

  private static Helm.Result renderAs(String release, List<String> arguments) {
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            "template",
            release,
            PullsecretChart.fromEnvironment().chartDirectory().toString(),
            "--namespace",
            release));
    command.addAll(arguments);
    return Helm.fromEnvironment().run(command);
  }
}
