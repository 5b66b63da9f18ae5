package com.tanhdev.pullsecret.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.tanhdev.pullsecret.kube.ControlPlane;
import com.tanhdev.pullsecret.kube.ControlPlaneExtension;
import com.tanhdev.pullsecret.kube.PodSpecs;
import com.tanhdev.pullsecret.kube.TestNamespace;
import com.tanhdev.pullsecret.kube.WebhookConfigSource;
import com.tanhdev.pullsecret.kube.WebhookFixture;
import com.tanhdev.pullsecret.kube.WebhookFixture.FailurePolicy;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The chart's own MutatingWebhookConfiguration in a real API server, pointed at the webhook on
 * loopback, which runs with the config file the chart renders. The rendered rules, selectors and
 * match conditions decide which objects reach the webhook, so these tests show where an install of
 * the chart injects the pull secret and where it leaves objects alone.
 */
@ExtendWith(ControlPlaneExtension.class)
class ChartWebhookEndToEndTest {

  private static final String SECRET = RegistryWorkloads.SECRET;
  private static final String APP_NAME = "app.kubernetes.io/name";

  private static WebhookFixture webhook;

  private final PullsecretChart chart = PullsecretChart.fromEnvironment();
  private final String scope = "chart-e2e-" + UUID.randomUUID().toString().substring(0, 8);
  private InstalledWebhookConfiguration installed;

  @BeforeAll
  static void startTheWebhookWithTheChartsConfig(ControlPlane plane) {
    String config =
        PullsecretChart.fromEnvironment()
            .render()
            .one("ConfigMap")
            .path("data")
            .path("config.yaml")
            .asString();
    webhook = WebhookFixture.start(plane, WebhookConfigSource.yaml(config), FailurePolicy.FAIL);
  }

  @AfterAll
  static void stopTheWebhook() {
    if (webhook != null) {
      webhook.close();
    }
  }

  @AfterEach
  void uninstallTheWebhookConfiguration() {
    if (installed != null) {
      installed.close();
    }
  }

  @Test
  void by_default_every_namespace_gets_the_secret_except_opted_out_and_excluded_ones() {
    TestNamespace plain = namespace("plain", Map.of());
    TestNamespace optedOut =
        namespace("opted-out", Map.of("pullsecret.tanhdev.com/inject", "disabled"));
    TestNamespace excluded = namespace("legacy-system", Map.of());
    install(
        render(null, "webhook.excludedNamespaces={kube-system," + excluded.name() + "}"), plain);

    assertThat(pullSecretsOfPodCreatedIn(plain, Map.of())).containsExactly(SECRET);
    assertThat(pullSecretsOfPodCreatedIn(optedOut, Map.of())).isEmpty();
    assertThat(pullSecretsOfPodCreatedIn(excluded, Map.of())).isEmpty();
  }

  @Test
  void a_custom_namespace_selector_injects_only_in_the_environments_it_names() {
    TestNamespace dev = namespace("dev", Map.of("environment", "dev"));
    TestNamespace production = namespace("production", Map.of("environment", "production"));
    TestNamespace staging = namespace("staging", Map.of("environment", "staging"));
    TestNamespace unlabelled = namespace("unlabelled", Map.of());
    install(render("environment-namespace-selector.yaml"), dev);

    assertThat(pullSecretsOfPodCreatedIn(dev, Map.of())).containsExactly(SECRET);
    assertThat(pullSecretsOfPodCreatedIn(production, Map.of())).containsExactly(SECRET);
    assertThat(pullSecretsOfPodCreatedIn(staging, Map.of())).isEmpty();
    assertThat(pullSecretsOfPodCreatedIn(unlabelled, Map.of())).isEmpty();
  }

  @Test
  void a_team_label_selector_injects_only_in_that_teams_namespaces() {
    String team = "pullsecret.tanhdev.com/team";
    TestNamespace payments = namespace("payments-dev", Map.of(team, "payments-dev"));
    TestNamespace search = namespace("search-dev", Map.of(team, "search-dev"));
    install(render("team-namespace-selector.yaml"), payments);

    assertThat(pullSecretsOfPodCreatedIn(payments, Map.of())).containsExactly(SECRET);
    assertThat(pullSecretsOfPodCreatedIn(search, Map.of())).isEmpty();
  }

  @Test
  void the_object_selector_lets_pods_labelled_inject_disabled_through_unchanged() {
    TestNamespace dev = namespace("dev", Map.of("environment", "dev"));
    install(render("environment-namespace-selector.yaml"), dev);

    assertThat(pullSecretsOfPodCreatedIn(dev, Map.of("pullsecret.tanhdev.com/inject", "disabled")))
        .isEmpty();
    assertThat(pullSecretsOfPodCreatedIn(dev, Map.of("pullsecret.tanhdev.com/inject", "yes")))
        .containsExactly(SECRET);
  }

  @Test
  void the_match_condition_lets_the_webhooks_own_pods_through_unchanged() {
    TestNamespace dev = namespace("dev", Map.of("environment", "dev"));
    install(render("environment-namespace-selector.yaml"), dev);

    assertThat(pullSecretsOfPodCreatedIn(dev, Map.of(APP_NAME, "pullsecret-webhook"))).isEmpty();
    assertThat(pullSecretsOfPodCreatedIn(dev, Map.of(APP_NAME, "payments-api")))
        .containsExactly(SECRET);
  }

  @Test
  void kinds_turned_off_in_the_values_never_reach_the_webhook() {
    TestNamespace namespace = namespace("pods-only", Map.of());
    install(render("pods-only.yaml"), namespace);

    Deployment stored =
        createAndReadBack(
            RegistryWorkloads.deployment(namespace.name(), Map.of(APP_NAME, "payments-api")));

    // The webhook itself would patch Deployments: its config handles them. The rules keep them out.
    assertThat(PodSpecs.pullSecretNames(stored)).isEmpty();
    assertThat(pullSecretsOfPodCreatedIn(namespace, Map.of())).containsExactly(SECRET);
  }

  /**
   * Renders with failurePolicy Fail on top, so that a webhook the API server cannot call shows up
   * as an error, never as a pod that merely was not injected.
   */
  private RenderedManifests render(String valuesFile, String... assignments) {
    List<String> arguments = new ArrayList<>();
    if (valuesFile != null) {
      arguments.addAll(List.of("--values", PullsecretChart.valuesFile(valuesFile).toString()));
    }
    arguments.addAll(PullsecretChart.setFlags(assignments));
    arguments.addAll(PullsecretChart.setFlags("webhook.failurePolicy=Fail"));
    Helm.Result result = chart.template(arguments);
    assertThat(result.succeeded()).as(result::describe).isTrue();
    return RenderedManifests.parse(YAMLMapper.builder().build(), result.stdout());
  }

  private void install(RenderedManifests manifests, TestNamespace selected) {
    installed =
        InstalledWebhookConfiguration.install(
            client(), manifests, webhook.clientConfig(), scope, selected);
  }

  /** A namespace in this test's scope, holding the pull secret, so that only selection decides. */
  private TestNamespace namespace(String prefix, Map<String, String> labels) {
    Map<String, String> scoped = new HashMap<>(labels);
    scoped.put(InstalledWebhookConfiguration.SCOPE_LABEL, scope);
    return TestNamespace.create(client(), prefix, scoped).withPullSecret(SECRET);
  }

  private List<String> pullSecretsOfPodCreatedIn(
      TestNamespace namespace, Map<String, String> labels) {
    return PodSpecs.pullSecretNames(
        createAndReadBack(RegistryWorkloads.pod(namespace.name(), labels)));
  }

  private <T extends HasMetadata> T createAndReadBack(T object) {
    T created = client().resource(object).create();
    return client().resource(created).get();
  }

  private KubernetesClient client() {
    return webhook.client();
  }
}
