package com.tanhdev.pullsecret.rollout;

import com.tanhdev.pullsecret.testing.SelfManagedView;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

/**
 * The self-managed certificate mode in the drill: the pods' config section, with a check every
 * second and rotation phases of three seconds (production: ten seconds and ten minutes), and a CA
 * rotation requested as an operator does, by annotating the Secret.
 */
final class SelfManagedRotation extends SelfManagedView {

  static final String SECRET_NAME = "pullsecret-webhook-tls";

  private static final Duration ROTATION_TIMEOUT = Duration.ofSeconds(90);

  private SelfManagedRotation(DrillCluster cluster) {
    super(cluster.client(), cluster.releaseNamespace(), SECRET_NAME, cluster.configurationName());
  }

  static SelfManagedRotation of(DrillCluster cluster) {
    return new SelfManagedRotation(cluster);
  }

  /** The {@code certificates:} section of the pods' config file. */
  static String configYaml(DrillCluster cluster) {
    return """
        certificates:
          mode: selfManaged
          selfManaged:
            secretName: %s
            webhookConfigurationName: %s
            serviceName: %s
            checkIntervalSeconds: 1
            rotationOverlapSeconds: 3
        """
        .formatted(SECRET_NAME, cluster.configurationName(), DrillCluster.SERVICE);
  }

  /**
   * Requests a CA rotation and waits for its end: one new CA in the Secret and in the caBundle, and
   * every pod serving a certificate of it to a new connection.
   */
  void rotateAndAwait(List<WebhookReplica> replicas, String serviceHost) throws Exception {
    X509Certificate old = secretCas().get(0);
    requestCaRotation();
    long deadline = System.nanoTime() + ROTATION_TIMEOUT.toNanos();
    while (!isRotatedAwayFrom(old, replicas, serviceHost)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the CA rotation did not complete within " + ROTATION_TIMEOUT.toSeconds() + " s");
      }
      Thread.sleep(200);
    }
  }

  private boolean isRotatedAwayFrom(
      X509Certificate old, List<WebhookReplica> replicas, String serviceHost) {
    List<X509Certificate> cas = secretCas();
    if (cas.size() != 1 || cas.get(0).equals(old)) {
      return false;
    }
    if (!caBundles().stream().allMatch(cas::equals)) {
      return false;
    }
    String newCaPem = caBundlePem();
    for (WebhookReplica replica : replicas) {
      try {
        ServedSerial.fetch(replica, newCaPem, serviceHost);
      } catch (Exception stillOld) {
        return false;
      }
    }
    return true;
  }
}
