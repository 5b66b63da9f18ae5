package com.tanhdev.pullsecret.demo;

import static org.awaitility.Awaitility.await;

import com.tanhdev.pullsecret.config.ConfigSource;
import com.tanhdev.pullsecret.config.ProcessEnvironment;
import com.tanhdev.pullsecret.config.ProvisionerIdentity;
import com.tanhdev.pullsecret.provision.controller.ProvisionerProcess;
import com.tanhdev.pullsecret.provision.controller.ProvisionerTimings;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The provisioner as the {@code provision} command runs it, in its own release namespace (where its
 * Lease lives), with the config the webhook reads.
 */
final class ProvisionerRun implements AutoCloseable {

  private static final String RELEASE_NAMESPACE = "pullsecret-system";

  private final ProvisionerProcess process;

  private ProvisionerRun(ProvisionerProcess process) {
    this.process = process;
  }

  /** {@code configFile}: the config the webhook reads, as the provision command reads it. */
  static ProvisionerRun start(KubernetesClient client, Path configFile) {
    client
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(RELEASE_NAMESPACE)
                .endMetadata()
                .build())
        .create();
    // Loopback and any free port: the health port is not what the demo is about.
    ProcessEnvironment env =
        new ProcessEnvironment(
            Map.of(
                "PULLSECRET_HOST", "127.0.0.1",
                "PULLSECRET_HEALTH_PORT", "0",
                "PULLSECRET_NAMESPACE", RELEASE_NAMESPACE));
    ProvisionerProcess process =
        ProvisionerProcess.start(
            ConfigSource.of(Optional.of(configFile), env),
            client,
            new ProvisionerIdentity(RELEASE_NAMESPACE, "pullsecret-webhook-provisioner-0"),
            ProvisionerTimings.defaults());
    ProvisionerRun run = new ProvisionerRun(process);
    try {
      await("the provisioner leads").atMost(Duration.ofSeconds(30)).until(process::isLeader);
      return run;
    } catch (RuntimeException e) {
      run.close();
      throw e;
    }
  }

  @Override
  public void close() {
    process.close();
  }
}
