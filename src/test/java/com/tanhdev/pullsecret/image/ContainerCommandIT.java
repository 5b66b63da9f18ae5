package com.tanhdev.pullsecret.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tanhdev.pullsecret.kube.ApiAnswer;
import com.tanhdev.pullsecret.kube.ApiRequests;
import com.tanhdev.pullsecret.kube.ControlPlane;
import com.tanhdev.pullsecret.kube.ControlPlaneExtension;
import com.tanhdev.pullsecret.kube.PodSpecs;
import com.tanhdev.pullsecret.kube.TestNamespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The image's own command line (ENTRYPOINT and CMD of the Dockerfile) run as a plain process
 * against the shaded jar, with the container's paths mapped to local files: what Docker would
 * start, minus Docker. It finds its cluster through a kubeconfig, as it would through the
 * in-cluster service account. Runs after {@code package}, under Failsafe.
 */
@ExtendWith(ControlPlaneExtension.class)
class ContainerCommandIT {

  private static final Path BASEDIR = ImageCommand.BASEDIR;
  private static final String SECRET = "registry-api-tanhdev";
  private static final String SELECTOR_LABEL = "pullsecret-webhook.test/container-command";
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir private Path dir;
  private ContainerProcess webhook;
  private Runnable unregister = () -> {};

  @AfterEach
  void unregisterAndKillTheWebhook() {
    try {
      unregister.run();
    } finally {
      if (webhook != null) {
        webhook.close();
      }
    }
  }

  @Test
  void the_image_command_serves_pod_admissions_from_the_api_server_and_stops_on_sigterm(
      ControlPlane plane) throws Exception {
    KubernetesClient client = plane.client();
    String id = "container-command-" + UUID.randomUUID().toString().substring(0, 8);
    TestNamespace namespace =
        TestNamespace.create(client, "image", Map.of(SELECTOR_LABEL, id)).withPullSecret(SECRET);
    LoopbackCertificate certificate = LoopbackCertificate.issue(dir);
    ServeConfig config = ServeConfig.onFreePorts(certificate);
    Path kubeconfig = Kubeconfig.write(client, namespace.name(), dir.resolve("kubeconfig"));
    webhook =
        start(
            config.yaml(),
            Map.of("KUBECONFIG", kubeconfig.toString(), "PULLSECRET_NAMESPACE", namespace.name()));

    whileRunning("/healthz answers 200")
        .until(() -> status(config.healthPort(), "/healthz") == 200);
    whileRunning("/readyz answers 200").until(() -> status(config.healthPort(), "/readyz") == 200);
    assertThat(logLines())
        .anySatisfy(
            line -> {
              assertThat(line.path("level").asString()).isEqualTo("INFO");
              assertThat(line.path("message").asString())
                  .startsWith("pullsecret-webhook serving on :" + config.port());
            });

    LoopbackRegistration registration =
        new LoopbackRegistration(id, SELECTOR_LABEL, id, config.port(), certificate.caPem());
    registration.apply(client);
    unregister = () -> registration.delete(client);
    Pod pod = registryPod(namespace);
    ApiRequests api = new ApiRequests(client);
    // The API server picks up a new webhook configuration a moment after it is created.
    whileRunning("the API server calls the webhook").until(() -> isInjected(api.dryRunCreate(pod)));

    client.resource(pod).create();
    Pod stored = client.pods().inNamespace(namespace.name()).withName("api").get();
    assertThat(PodSpecs.pullSecretNames(stored)).containsExactly(SECRET);
    assertThat(body(config.healthPort(), "/metrics"))
        .containsPattern(
            "(?m)^pullsecret_admissions_total\\{kind=\"Pod\",operation=\"CREATE\","
                + "outcome=\"injected\"} [1-9]");

    webhook.terminate();
    assertThat(webhook.awaitExit(shutdownBudget())).isIn(0, 143);
    assertThat(logLines())
        .anySatisfy(
            line -> assertThat(line.path("message").asString()).startsWith("shutting down"));
  }

  @Test
  void an_unknown_key_in_the_config_file_stops_the_image_command_with_exit_code_2_naming_it()
      throws Exception {
    ServeConfig config = ServeConfig.onFreePorts(LoopbackCertificate.issue(dir));

    webhook = start(config.yaml("maxConcurentReviews: 64"), Map.of());

    assertThat(webhook.awaitExit(EXIT_TIMEOUT)).isEqualTo(2);
    assertThat(webhook.stderr()).contains("server.maxConcurentReviews: unknown key");
  }

  /** The Dockerfile's command with its config file holding {@code configYaml}. */
  private ContainerProcess start(String configYaml, Map<String, String> env) throws IOException {
    return ImageCommand.start(dir, configYaml, env);
  }

  private ConditionFactory whileRunning(String what) {
    return await(what)
        .atMost(STARTUP_TIMEOUT)
        .pollInterval(Duration.ofMillis(200))
        .failFast(
            "the webhook process exited",
            () ->
                assertThat(webhook.isAlive())
                    .as(() -> "the webhook is running; its stderr:\n" + webhook.stderr())
                    .isTrue());
  }

  /**
   * Every stdout line, each of which must be one JSON object with the fields log collectors are
   * told to expect (README, Logging).
   */
  private List<JsonNode> logLines() {
    return webhook.stdoutLines().stream()
        .map(
            line -> {
              JsonNode parsed = JSON.readTree(line);
              assertThat(parsed.isObject()).as("a JSON object: %s", line).isTrue();
              assertThat(parsed.has("time") && parsed.has("level") && parsed.has("logger_name"))
                  .as("time, level and logger_name in %s", line)
                  .isTrue();
              return parsed;
            })
        .toList();
  }

  private int status(int port, String path) throws InterruptedException {
    try {
      return http.send(get(port, path), BodyHandlers.discarding()).statusCode();
    } catch (IOException notListeningYet) {
      return -1;
    }
  }

  private String body(int port, String path) throws IOException, InterruptedException {
    return http.send(get(port, path), BodyHandlers.ofString()).body();
  }

  private static HttpRequest get(int port, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
  }

  private static boolean isInjected(ApiAnswer answer) {
    return answer.succeeded()
        && PodSpecs.pullSecretNames(answer.object(Pod.class)).contains(SECRET);
  }

  private static Pod registryPod(TestNamespace namespace) {
    return new PodBuilder()
        .withNewMetadata()
        .withName("api")
        .withNamespace(namespace.name())
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("api")
        .withImage("registry-api.tanhdev.com/team/api:1.0")
        .endContainer()
        .endSpec()
        .build();
  }

  /**
   * The time the chart's pod has between SIGTERM and SIGKILL: the kubelet sends SIGTERM after the
   * preStop sleep, and both come out of the same grace period.
   */
  private static Duration shutdownBudget() throws IOException {
    JsonNode values =
        YAMLMapper.builder()
            .build()
            .readTree(Files.readString(BASEDIR.resolve("charts/pullsecret-webhook/values.yaml")));
    return Duration.ofSeconds(
        values.required("terminationGracePeriodSeconds").asInt()
            - values.required("preStopSleepSeconds").asInt());
  }
}
