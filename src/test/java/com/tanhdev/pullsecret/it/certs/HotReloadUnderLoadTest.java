package com.tanhdev.pullsecret.it.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tanhdev.pullsecret.kube.ControlPlane;
import com.tanhdev.pullsecret.kube.ControlPlaneExtension;
import com.tanhdev.pullsecret.pki.CertificateAuthority;
import com.tanhdev.pullsecret.pki.IssuedCertificate;
import com.tanhdev.pullsecret.testing.Loopback;
import com.tanhdev.pullsecret.testing.SecretVolume;
import com.tanhdev.pullsecret.tls.FileCertificateSource;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * cert-manager renewing the serving certificate while the cluster keeps creating pods: the kubelet
 * swaps the Secret volume under the running webhook, which must pick the new files up without a
 * single admission failing.
 */
@ExtendWith(ControlPlaneExtension.class)
class HotReloadUnderLoadTest {

  // Faster than production's two seconds so that three swaps fit in a few seconds; the reload
  // path is the same.
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final int SWAPS = 3;
  // Creates that must succeed after each swap is served before the next swap.
  private static final int CREATES_PER_SWAP = 20;

  @TempDir Path dir;

  private final CertificateAuthority ca = Loopback.authority("hot reload CA", Duration.ofDays(30));
  private WebhookScenario scenario;

  @BeforeEach
  void newScenario(ControlPlane plane) {
    scenario = new WebhookScenario(plane, "hot-reload");
  }

  @AfterEach
  void cleanUp() {
    scenario.close();
  }

  @Test
  void three_certificate_swaps_under_a_create_loop_fail_no_admission() throws Exception {
    IssuedCertificate first = issue();
    SecretVolume volume = SecretVolume.create(dir, first.certificatePem(), first.privateKeyPem());
    FileCertificateSource source =
        new FileCertificateSource(
            volume.certificateFile(), volume.keyFile(), POLL, Clock.systemUTC());
    LoopbackWebhook webhook = scenario.startRegistered(source, ca.root().certificatePem());
    X509Certificate trusted = ca.root().certificate();
    assertThat(ServedCertificate.fetch(webhook.port(), trusted).getSerialNumber())
        .isEqualTo(first.certificate().getSerialNumber());

    CreateLoop loop = scenario.track(CreateLoop.start(scenario::createPod));
    for (int swap = 1; swap <= SWAPS; swap++) {
      IssuedCertificate renewed = issue();
      volume.publish(renewed.certificatePem(), renewed.privateKeyPem());

      BigInteger expected = renewed.certificate().getSerialNumber();
      await("swap " + swap + " served to new connections")
          .atMost(PATIENCE)
          .until(
              () -> ServedCertificate.fetch(webhook.port(), trusted).getSerialNumber(),
              expected::equals);
      // The API server keeps its connections to a webhook open for a long time, and connections
      // opened before the swap rightly keep the old certificate. Its connection pool is per host,
      // so calling the webhook by its other name makes it handshake anew, with the new one.
      scenario.repoint(swap % 2 == 1 ? byName(webhook) : webhook.url());
      int admittedBefore = loop.admitted();
      await("pods created after swap " + swap)
          .atMost(PATIENCE)
          .until(() -> loop.admitted() >= admittedBefore + CREATES_PER_SWAP || !loop.isRunning());
      assertThat(loop.isRunning()).as("the create loop is still within its bounds").isTrue();
    }
    loop.stop();

    assertThat(loop.failures()).isEmpty();
    assertThat(scenario.storedPods())
        .hasSize(loop.admitted())
        .allSatisfy(pod -> assertThat(WebhookScenario.hasSecret(pod)).isTrue());
  }

  private static String byName(LoopbackWebhook webhook) {
    return "https://localhost:" + webhook.port() + "/mutate";
  }

  private IssuedCertificate issue() {
    return Loopback.servingCertificate(ca, Duration.ofDays(1));
  }
}
