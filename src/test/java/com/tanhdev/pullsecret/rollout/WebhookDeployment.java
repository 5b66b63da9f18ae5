package com.tanhdev.pullsecret.rollout;

import static org.awaitility.Awaitility.await;

import com.tanhdev.pullsecret.pki.CertificateAuthority;
import com.tanhdev.pullsecret.pki.IssuedCertificate;
import com.tanhdev.pullsecret.pki.KeyAlgorithm;
import com.tanhdev.pullsecret.pki.SubjectAlternativeNames;
import com.tanhdev.pullsecret.rollout.ServiceEndpoints.State;
import com.tanhdev.pullsecret.testing.SecretVolume;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The webhook's Deployment as the kubelet and the controllers run it: replicas on addresses of
 * their own, each endpoint's conditions following its pod, and the chart's roll-out order (a new
 * pod ready before an old one stops, {@code maxSurge: 1, maxUnavailable: 0}).
 */
final class WebhookDeployment implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration PROBE_PERIOD = Duration.ofMillis(500);

  private final DrillCluster cluster;
  private final ServiceEndpoints endpoints;
  private final PodTiming timing;
  private final Path dir;
  private final String certificatesYaml;
  private final List<WebhookReplica> running = new ArrayList<>();
  private final List<Long> sigterms = new ArrayList<>();
  private final SubjectAlternativeNames serviceNames;
  private CertificateAuthority ca;
  private int nextHost = IsolatedNetwork.FIRST_HOST;
  private int started;

  /**
   * {@code certificatesYaml}: the {@code certificates:} section of the pods' config file, empty for
   * the files that {@code ca} issues (as cert-manager does).
   */
  WebhookDeployment(
      DrillCluster cluster,
      CertificateAuthority ca,
      PodTiming timing,
      Path dir,
      String certificatesYaml) {
    this.cluster = cluster;
    this.certificatesYaml = certificatesYaml;
    this.ca = ca;
    this.timing = timing;
    this.dir = dir;
    this.endpoints =
        new ServiceEndpoints(cluster.client(), cluster.releaseNamespace(), DrillCluster.SERVICE);
    this.serviceNames =
        SubjectAlternativeNames.forService(DrillCluster.SERVICE, cluster.releaseNamespace());
  }

  List<WebhookReplica> replicas() {
    return List.copyOf(running);
  }

  /** When each deleted pod got its SIGTERM (System.nanoTime). */
  List<Long> sigterms() {
    return List.copyOf(sigterms);
  }

  /** Starts a pod on a new address and adds its endpoint once its readiness probe passes. */
  WebhookReplica scaleUp() throws Exception {
    String address = IsolatedNetwork.address(nextHost++);
    IssuedCertificate certificate = issue();
    String name = "webhook-" + (++started);
    SecretVolume tls =
        SecretVolume.create(
            Files.createDirectories(dir.resolve(name + "-tls")),
            certificate.certificatePem(),
            certificate.privateKeyPem());
    return startOn(name, address, tls);
  }

  /**
   * One rolling restart: for each old pod, a new one is started and ready, then the old one is
   * deleted (see {@link #delete}).
   */
  void rollingRestart() throws Exception {
    for (WebhookReplica old : replicas()) {
      scaleUp();
      delete(old);
    }
  }

  /**
   * Deletes a pod the way the kubelet stops it: its endpoint turns terminating (not ready) at the
   * moment the preStop sleep starts; SIGTERM when the sleep ends; SIGKILL if it has not exited by
   * the end of the grace period; the endpoint goes once the pod is gone.
   *
   * @return whether the pod exited by itself within its grace period
   */
  boolean delete(WebhookReplica replica) throws InterruptedException {
    endpoints.set(replica.address(), State.TERMINATING);
    DrillLog.event("%s terminating, preStop sleep", replica);
    Thread.sleep(timing.preStopSleep().toMillis());
    replica.terminate();
    sigterms.add(System.nanoTime());
    DrillLog.event("%s SIGTERM", replica);
    boolean exited = replica.awaitExit(timing.gracePeriod().minus(timing.preStopSleep()));
    DrillLog.event("%s %s", replica, exited ? "exited" : "killed at the end of its grace period");
    endpoints.remove(replica.address());
    running.remove(replica);
    replica.saveOutput();
    return exited;
  }

  /**
   * Kills a pod's process with SIGKILL, then does what the kubelet and the EndpointSlice controller
   * do: the endpoint turns not ready once the kubelet has seen the container die (its relist runs
   * every second), the container restarts on the same address and is added back once ready.
   */
  void killAndRecover(WebhookReplica replica) throws Exception {
    replica.kill();
    DrillLog.event("%s SIGKILL", replica);
    replica.awaitExit(Duration.ofSeconds(10));
    replica.saveOutput();
    Thread.sleep(timing.deathNoticed().toMillis());
    endpoints.set(replica.address(), State.NOT_READY);
    DrillLog.event("%s not ready", replica);
    running.remove(replica);
    startOn(replica.name() + "-restarted", replica.address(), replica.tls());
  }

  /** From now on, new serving certificates come from {@code newCa}. */
  void issueFrom(CertificateAuthority newCa) {
    this.ca = newCa;
  }

  /** Renews a pod's serving certificate from the current CA, as cert-manager does. */
  IssuedCertificate renew(WebhookReplica replica) throws IOException {
    IssuedCertificate renewed = issue();
    replica.tls().publish(renewed.certificatePem(), renewed.privateKeyPem());
    return renewed;
  }

  @Override
  public void close() {
    for (WebhookReplica replica : running) {
      replica.close();
      replica.saveOutput();
    }
    running.clear();
  }

  private WebhookReplica startOn(String name, String address, SecretVolume tls) throws Exception {
    Path home = dir.resolve(name);
    WebhookReplica replica =
        WebhookReplica.start(
            name, address, home, tls, certificatesYaml, cluster.webhookEnvironment(dir));
    running.add(replica);
    try {
      await(name + " ready")
          .atMost(READY_TIMEOUT)
          .pollInterval(PROBE_PERIOD)
          .until(() -> !replica.isAlive() || replica.isReady());
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(name + " not ready; stderr:\n" + replica.stderr(), e);
    }
    if (!replica.isAlive()) {
      throw new IllegalStateException(name + " exited while starting:\n" + replica.stderr());
    }
    endpoints.set(address, State.READY);
    DrillLog.event("%s ready", replica);
    return replica;
  }

  private IssuedCertificate issue() {
    return ca.issueServingCertificate(serviceNames, KeyAlgorithm.EC_P256, Duration.ofDays(1));
  }
}
