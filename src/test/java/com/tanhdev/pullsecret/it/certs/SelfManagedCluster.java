package com.tanhdev.pullsecret.it.certs;

import com.tanhdev.pullsecret.kube.TestNamespace;
import com.tanhdev.pullsecret.pki.KeyAlgorithm;
import com.tanhdev.pullsecret.testing.Loopback;
import com.tanhdev.pullsecret.testing.SelfManagedView;
import com.tanhdev.pullsecret.tls.selfmanaged.SelfManagedSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;

/** The self-managed webhook's home: a namespace of its own on the shared test API server. */
final class SelfManagedCluster extends SelfManagedView {

  static final String SECRET_NAME = "pullsecret-webhook-tls";

  // Short enough to watch a whole rotation in seconds, still in the production ratio of overlap
  // to check interval or wider (the settings refuse less than three intervals per overlap).
  private static final Duration CHECK_INTERVAL = Duration.ofMillis(200);
  private static final Duration OVERLAP = Duration.ofSeconds(2);

  private final String configurationName;
  private final TestNamespace home;

  private SelfManagedCluster(
      KubernetesClient client, TestNamespace home, String configurationName) {
    super(client, home.name(), SECRET_NAME, configurationName);
    this.configurationName = configurationName;
    this.home = home;
  }

  static SelfManagedCluster create(KubernetesClient client, String configurationName) {
    return new SelfManagedCluster(
        client, TestNamespace.create(client, "self-managed-home", Map.of()), configurationName);
  }

  /** Settings for replicas called at 127.0.0.1 or localhost. */
  SelfManagedSettings settings() {
    return new SelfManagedSettings(
        home.name(),
        SECRET_NAME,
        configurationName,
        Loopback.NAMES,
        KeyAlgorithm.EC_P256,
        Duration.ofDays(30),
        Duration.ofDays(3),
        OVERLAP,
        CHECK_INTERVAL);
  }
}
