package com.tanhdev.pullsecret.provision.controller;

import static org.awaitility.Awaitility.await;

import com.tanhdev.pullsecret.config.ConfigSource;
import com.tanhdev.pullsecret.config.ProcessEnvironment;
import com.tanhdev.pullsecret.config.ProvisionerIdentity;
import com.tanhdev.pullsecret.kube.KubernetesClients;
import com.tanhdev.pullsecret.kube.TestNamespace;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One provisioning setup on the shared API server, apart from every other test: its own release
 * namespace (Lease), source namespace, rule secret name and namespace label, so a provisioner only
 * ever selects this scenario's namespaces. Provisioners run through {@link ProvisionerProcess}, the
 * assembly the {@code provision} command runs.
 */
final class ProvisioningScenario implements AutoCloseable {

  static final String SELECT_LABEL = "provision-test";
  static final Duration PATIENCE = Duration.ofSeconds(20);

  final KubernetesClient admin;
  final String label;
  final String secret;
  final TestNamespace release;
  final TestNamespace sources;
  final Path configFile;
  private final List<ProvisionerProcess> started = new ArrayList<>();
  private final List<KubernetesClient> clients = new ArrayList<>();

  private ProvisioningScenario(KubernetesClient admin, Path dir) {
    this.admin = admin;
    this.release = TestNamespace.create(admin, "provisioner", Map.of());
    this.sources = TestNamespace.create(admin, "infrastructure", Map.of());
    this.label = release.name().substring(release.name().lastIndexOf('-') + 1);
    this.secret = "registry-pull-" + label;
    this.configFile = dir.resolve("config.yaml");
    writeConfig("");
  }

  /** A scenario whose config file lives in {@code dir} and selects only its own namespaces. */
  static ProvisioningScenario create(KubernetesClient admin, Path dir) {
    return new ProvisioningScenario(admin, dir);
  }

  /**
   * Rewrites the config file, which a running provisioner follows.
   *
   * @param provisioning extra keys of the {@code provisioning:} section, indented by two spaces
   */
  void writeConfig(String provisioning) {
    String yaml =
        """
        rules:
          - registry: registry-api.tanhdev.com
            secret: %s
            source: %s/%s
        server:
          host: 127.0.0.1
          healthPort: 0
        provisioning:
          namespaces:
            selector:
              matchLabels: {%s: "%s"}
        %s
        """
            .formatted(secret, sources.name(), secret, SELECT_LABEL, label, provisioning);
    try {
      Files.writeString(configFile, yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ProvisionerProcess startProvisioner(KubernetesClient client, String podName) {
    return startProvisioner(client, podName, ProvisionerTimings.defaults());
  }

  ProvisionerProcess startProvisioner(
      KubernetesClient client, String podName, ProvisionerTimings timings) {
    // The provision command's client (its serialization reads watch events by the kinds it
    // registers), with the given client's identity.
    KubernetesClient asCommand =
        KubernetesClients.builder().withConfig(client.getConfiguration()).build();
    clients.add(asCommand);
    ProvisionerProcess process =
        ProvisionerProcess.start(
            ConfigSource.of(Optional.of(configFile), new ProcessEnvironment(Map.of())),
            asCommand,
            new ProvisionerIdentity(release.name(), podName),
            timings);
    started.add(process);
    return process;
  }

  /** Starts one provisioner and waits until it leads. */
  ProvisionerProcess startLeader() {
    ProvisionerProcess process = startProvisioner(admin, "provisioner-0");
    await("leadership").atMost(PATIENCE).until(process::isLeader);
    return process;
  }

  TestNamespace selected(String prefix) {
    return TestNamespace.create(admin, prefix, Map.of(SELECT_LABEL, label));
  }

  /** Creates or replaces the source with this type and {@code .dockerconfigjson}. */
  void source(String type, String dockerConfig, ObjectMeta extraMetadata) {
    ObjectMeta metadata = extraMetadata == null ? new ObjectMeta() : extraMetadata;
    metadata.setName(secret);
    metadata.setNamespace(sources.name());
    Secret source =
        new SecretBuilder()
            .withMetadata(metadata)
            .withType(type)
            .withStringData(Map.of(".dockerconfigjson", dockerConfig))
            .build();
    admin.secrets().inNamespace(sources.name()).resource(source).createOr(e -> e.update());
  }

  void validSource() {
    source("kubernetes.io/dockerconfigjson", TestNamespace.DOCKER_CONFIG, null);
  }

  void deleteSource() {
    admin.secrets().inNamespace(sources.name()).withName(secret).delete();
  }

  Secret sourceSecret() {
    return admin.secrets().inNamespace(sources.name()).withName(secret).get();
  }

  Secret copyIn(TestNamespace namespace) {
    return admin.secrets().inNamespace(namespace.name()).withName(secret).get();
  }

  /**
   * Creates, under the copy's name, a secret wearing the provisioner's label and the given
   * annotations: what someone else's tool or a hand edit leaves behind.
   */
  Secret createLabelledAsOurs(
      TestNamespace namespace,
      Map<String, String> annotations,
      String type,
      Map<String, String> stringData) {
    return admin
        .secrets()
        .inNamespace(namespace.name())
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(secret)
                .withLabels(Map.of("app.kubernetes.io/managed-by", "pullsecret-webhook"))
                .withAnnotations(annotations)
                .endMetadata()
                .withType(type)
                .withStringData(stringData)
                .build())
        .create();
  }

  /** Waits until the namespace holds a copy with the source's current data. */
  Secret awaitCopyInSync(TestNamespace namespace) {
    await("copy in " + namespace)
        .atMost(PATIENCE)
        .until(
            () -> {
              Secret copy = copyIn(namespace);
              Secret source = sourceSecret();
              return copy != null && source != null && copy.getData().equals(source.getData());
            });
    return copyIn(namespace);
  }

  List<Event> sourceEvents() {
    return admin.v1().events().inNamespace(sources.name()).list().getItems().stream()
        .filter(event -> secret.equals(event.getInvolvedObject().getName()))
        .toList();
  }

  /** Waits until the source carries an Event with this reason. */
  void awaitSourceEvent(String reason) {
    await("a " + reason + " Event")
        .atMost(PATIENCE)
        .until(() -> sourceEvents().stream().anyMatch(e -> reason.equals(e.getReason())));
  }

  /** Whether the source carries an Event with this reason, and one whose message holds text. */
  boolean hasSourceEvent(String reason, String text) {
    return sourceEvents().stream().map(Event::getReason).anyMatch(reason::equals)
        && sourceEvents().stream().anyMatch(e -> e.getMessage().contains(text));
  }

  /** Takes the selecting label off the namespace, so that it no longer matches. */
  void deselect(TestNamespace namespace) {
    admin
        .namespaces()
        .withName(namespace.name())
        .edit(
            ns -> {
              ns.getMetadata().getLabels().remove(SELECT_LABEL);
              return ns;
            });
  }

  static String dockerConfig(String user, String password) {
    String auth =
        java.util.Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return "{\"auths\":{\"registry-api.tanhdev.com\":{\"auth\":\"" + auth + "\"}}}";
  }

  @Override
  public void close() {
    started.forEach(ProvisionerProcess::close);
    started.clear();
    clients.forEach(KubernetesClient::close);
    clients.clear();
  }
}
