package com.tanhdev.pullsecret.it;

import static com.tanhdev.pullsecret.it.Workloads.REGISTRY_IMAGE;
import static com.tanhdev.pullsecret.it.Workloads.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tanhdev.pullsecret.config.ConfigSource;
import com.tanhdev.pullsecret.config.ProcessEnvironment;
import com.tanhdev.pullsecret.config.ProvisionerIdentity;
import com.tanhdev.pullsecret.kube.ApiAnswer;
import com.tanhdev.pullsecret.kube.PodSpecs;
import com.tanhdev.pullsecret.kube.TestNamespace;
import com.tanhdev.pullsecret.kube.WebhookExtension;
import com.tanhdev.pullsecret.provision.controller.ProvisionerProcess;
import com.tanhdev.pullsecret.provision.controller.ProvisionerTimings;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webhook and the provisioner agree: a GitOps sync applies a new namespace and its workloads
 * back to back, before any copy of the pull secret can exist there, and the workloads still get the
 * secret, because the provisioner is about to copy it. The provisioner here selects namespaces by
 * label, so the webhook has to read the labels of a namespace created a moment ago.
 */
class ProvisionedNamespaceTest {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
  private static final String SECRET = "registry-" + RUN;
  private static final String SOURCES = "infrastructure-" + RUN;
  private static final String SELECT_LABEL = "provisioned-test";
  private static final String CONFIG =
      """
      rules:
        - registry: registry-api.tanhdev.com
          secret: %s
          source: %s/%s
      provisioning:
        namespaces:
          selector:
            matchLabels: {%s: "%s"}
      """
          .formatted(SECRET, SOURCES, SECRET, SELECT_LABEL, RUN);

  @RegisterExtension static final WebhookExtension webhook = WebhookExtension.withConfig(CONFIG);

  private final KubernetesClient client = webhook.fixture().client();

  @Test
  void a_deployment_applied_with_its_new_namespace_gets_the_secret_and_then_the_copy_appears(
      @TempDir Path dir) throws IOException {
    // The config names the source's namespace, so it cannot take a random suffix of its own.
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(SOURCES).endMetadata().build())
        .create();
    client.secrets().inNamespace(SOURCES).resource(source()).create();

    TestNamespace namespace = TestNamespace.create(client, "search-dev", labels(true));
    ApiAnswer answer =
        webhook
            .fixture()
            .api()
            .create(Workloads.deployment(namespace, "search-api", spec(List.of(), REGISTRY_IMAGE)));

    assertThat(copyIn(namespace)).as("no copy exists yet").isNull();
    assertThat(answer.succeeded()).as(answer.toString()).isTrue();
    assertThat(answer.warnings())
        .containsExactly(
            "pullsecret-webhook: secret "
                + SECRET
                + " is not in namespace "
                + namespace.name()
                + " yet; added, it is being provisioned");
    assertThat(PodSpecs.pullSecretNames(stored(namespace, "search-api"))).containsExactly(SECRET);

    try (ProvisionerProcess provisioner = startProvisioner(dir)) {
      await("the copy in " + namespace)
          .atMost(Duration.ofSeconds(20))
          .until(() -> copyIn(namespace) != null);
    }
  }

  @Test
  void a_namespace_the_provisioner_does_not_select_is_warned_about_as_before() {
    TestNamespace namespace = TestNamespace.create(client, "search-dev", labels(false));

    ApiAnswer answer =
        webhook
            .fixture()
            .api()
            .create(Workloads.deployment(namespace, "search-api", spec(List.of(), REGISTRY_IMAGE)));

    assertThat(answer.warnings()).containsExactly(Warnings.missingSecret(SECRET, namespace));
    assertThat(PodSpecs.pullSecretNames(stored(namespace, "search-api"))).isEmpty();
  }

  @Test
  void a_namespace_labelled_later_is_provisioned_once_the_webhook_sees_the_label() {
    TestNamespace namespace = TestNamespace.create(client, "catalog-dev", labels(false));
    Deployment deployment =
        Workloads.deployment(namespace, "catalog-api", spec(List.of(), REGISTRY_IMAGE));
    assertThat(webhook.fixture().api().dryRunCreate(deployment).warnings())
        .allMatch(warning -> warning.contains("does not exist"));

    client
        .namespaces()
        .withName(namespace.name())
        .edit(
            ns -> {
              ns.getMetadata().getLabels().put(SELECT_LABEL, RUN);
              return ns;
            });

    // The namespace is in the webhook's cache by now: the new label arrives through its watch.
    await("the label reaches the webhook")
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                PodSpecs.pullSecretNames(
                        webhook.fixture().api().dryRunCreate(deployment).object(Deployment.class))
                    .contains(SECRET));
  }

  /** The webhook's own label, so its namespaceSelector sends the objects to it, and ours or not. */
  private static Map<String, String> labels(boolean selected) {
    Map<String, String> labels = new HashMap<>(webhook.fixture().namespaceLabels());
    if (selected) {
      labels.put(SELECT_LABEL, RUN);
    }
    return labels;
  }

  private ProvisionerProcess startProvisioner(Path dir) throws IOException {
    TestNamespace release = TestNamespace.create(client, "provisioner", Map.of());
    Path config = Files.writeString(dir.resolve("config.yaml"), CONFIG);
    ProcessEnvironment env =
        new ProcessEnvironment(
            Map.of("PULLSECRET_HOST", "127.0.0.1", "PULLSECRET_HEALTH_PORT", "0"));
    return ProvisionerProcess.start(
        ConfigSource.of(Optional.of(config), env),
        client,
        new ProvisionerIdentity(release.name(), "provisioner-0"),
        ProvisionerTimings.defaults());
  }

  private static Secret source() {
    return new SecretBuilder()
        .withNewMetadata()
        .withName(SECRET)
        .withNamespace(SOURCES)
        .endMetadata()
        .withType("kubernetes.io/dockerconfigjson")
        .withStringData(Map.of(".dockerconfigjson", TestNamespace.DOCKER_CONFIG))
        .build();
  }

  private Deployment stored(TestNamespace namespace, String name) {
    return client.apps().deployments().inNamespace(namespace.name()).withName(name).get();
  }

  private Secret copyIn(TestNamespace namespace) {
    return client.secrets().inNamespace(namespace.name()).withName(SECRET).get();
  }
}
