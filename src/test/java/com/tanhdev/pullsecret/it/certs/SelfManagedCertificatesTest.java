package com.tanhdev.pullsecret.it.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tanhdev.pullsecret.kube.ControlPlane;
import com.tanhdev.pullsecret.kube.ControlPlaneExtension;
import com.tanhdev.pullsecret.tls.selfmanaged.SelfManagedCertificateSource;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code certificates.mode: selfManaged} against the real API server: the webhook creates its CA
 * and certificate in a Secret, publishes the caBundle, and rotates the CA without the API server
 * ever meeting a certificate it does not trust.
 */
@ExtendWith(ControlPlaneExtension.class)
class SelfManagedCertificatesTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final int CREATES_AROUND_ROTATION = 20;

  private WebhookScenario scenario;
  private SelfManagedCluster cluster;

  @BeforeEach
  void newScenario(ControlPlane plane) {
    scenario = new WebhookScenario(plane, "self-managed");
    cluster = SelfManagedCluster.create(plane.client(), scenario.configurationName());
  }

  @AfterEach
  void cleanUp() {
    scenario.close();
  }

  @Test
  void with_no_secret_and_no_ca_bundle_the_webhook_creates_both_and_pods_get_injected()
      throws Exception {
    int port = WebhookScenario.reservePorts(1).get(0);
    scenario.register(null, List.of(WebhookScenario.url(port)));
    assertThat(cluster.secret()).isNull();

    scenario.track(LoopbackWebhook.start(scenario.client(), newSource(), port));

    scenario.awaitAdmissionsWork();
    assertThat(WebhookScenario.isInjected(scenario.createPod())).isTrue();
    List<X509Certificate> cas = cluster.secretCas();
    assertThat(cas).hasSize(1);
    assertThat(cluster.caBundles()).containsExactly(cas);
  }

  @Test
  void two_instances_started_at_once_agree_on_one_ca() throws Exception {
    List<Integer> ports = startTwoInstancesAtOnce();

    scenario.awaitAdmissionsWork();
    List<X509Certificate> cas = cluster.secretCas();
    assertThat(cas).hasSize(1);
    assertThat(cluster.caBundles()).containsExactly(cas, cas);
    for (int port : ports) {
      X509Certificate served = ServedCertificate.fetch(port, cas);
      served.verify(cas.get(0).getPublicKey());
    }
  }

  @Test
  void a_forced_ca_rotation_under_a_create_loop_fails_no_admission() throws Exception {
    List<Integer> ports = startTwoInstancesAtOnce();
    scenario.awaitAdmissionsWork();
    X509Certificate oldCa = cluster.secretCas().get(0);
    CreateLoop loop = scenario.track(CreateLoop.start(scenario::createPod));
    awaitMoreCreates(loop);

    cluster.requestCaRotation();

    Set<Integer> bundleSizesSeen = ConcurrentHashMap.newKeySet();
    await("the CA rotation completes")
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .until(
            () -> {
              cluster.caBundles().forEach(bundle -> bundleSizesSeen.add(bundle.size()));
              return isRotatedAwayFrom(oldCa, ports);
            });
    awaitMoreCreates(loop);
    loop.stop();

    assertThat(loop.failures()).isEmpty();
    assertThat(scenario.storedPods())
        .hasSize(loop.admitted())
        .allSatisfy(pod -> assertThat(WebhookScenario.hasSecret(pod)).isTrue());
    assertThat(bundleSizesSeen).as("the old and new CA were trusted together").contains(2);
    X509Certificate newCa = cluster.secretCas().get(0);
    assertThat(cluster.caBundles()).containsExactly(List.of(newCa), List.of(newCa));
    for (int port : ports) {
      ServedCertificate.fetch(port, newCa).verify(newCa.getPublicKey());
    }
  }

  /** The steady state after a rotation: one new CA everywhere, served by every instance. */
  private boolean isRotatedAwayFrom(X509Certificate oldCa, List<Integer> ports) throws Exception {
    List<X509Certificate> cas = cluster.secretCas();
    if (cas.size() != 1 || cas.get(0).equals(oldCa)) {
      return false;
    }
    if (!cluster.caBundles().stream().allMatch(cas::equals)) {
      return false;
    }
    for (int port : ports) {
      ServedCertificate.fetch(port, cas); // throws until the instance serves from the new CA
    }
    return true;
  }

  private void awaitMoreCreates(CreateLoop loop) {
    int before = loop.admitted();
    await("pods created through the webhook")
        .atMost(PATIENCE)
        .until(() -> loop.admitted() >= before + CREATES_AROUND_ROTATION || !loop.isRunning());
    assertThat(loop.isRunning()).as("the create loop is still within its bounds").isTrue();
  }

  /**
   * Two replicas racing to create the Secret, each behind its own webhook entry, so that every pod
   * passes through both and both must be trusted.
   */
  private List<Integer> startTwoInstancesAtOnce() throws Exception {
    List<Integer> ports = WebhookScenario.reservePorts(2);
    scenario.register(null, ports.stream().map(WebhookScenario::url).toList());
    CyclicBarrier startingLine = new CyclicBarrier(ports.size());
    ExecutorService starters = Executors.newFixedThreadPool(ports.size());
    try {
      List<Future<LoopbackWebhook>> started =
          ports.stream()
              .map(
                  port ->
                      starters.submit(
                          () -> {
                            SelfManagedCertificateSource source = newSource();
                            startingLine.await();
                            return LoopbackWebhook.start(scenario.client(), source, port);
                          }))
              .toList();
      for (Future<LoopbackWebhook> start : started) {
        scenario.track(start.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
      }
    } finally {
      starters.shutdownNow();
    }
    return ports;
  }

  private SelfManagedCertificateSource newSource() {
    return SelfManagedCertificateSource.create(
        scenario.client(), cluster.settings(), Clock.systemUTC());
  }
}
