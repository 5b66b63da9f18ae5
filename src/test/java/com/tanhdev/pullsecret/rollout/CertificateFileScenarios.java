package com.tanhdev.pullsecret.rollout;

import com.tanhdev.pullsecret.pki.CertificateAuthority;
import com.tanhdev.pullsecret.pki.KeyAlgorithm;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenarios of pods that serve certificate files (cert-manager or an operator's own): a replica
 * killed outright, a renewal on one replica, a CA rotation across both, and an API server restart.
 */
final class CertificateFileScenarios {

  // The webhook polls its files every 2 s; twenty polls is plenty on a loaded machine.
  private static final Duration SERVED_TIMEOUT = Duration.ofSeconds(40);

  private final DrillCluster cluster;
  private final WebhookDeployment webhooks;
  private final CertificateAuthority ca;
  private final AdmissionTraffic traffic;

  CertificateFileScenarios(
      DrillCluster cluster,
      WebhookDeployment webhooks,
      CertificateAuthority ca,
      AdmissionTraffic traffic) {
    this.cluster = cluster;
    this.webhooks = webhooks;
    this.ca = ca;
    this.traffic = traffic;
  }

  static CertificateAuthority newCa(String name) {
    return CertificateAuthority.create(
        name, KeyAlgorithm.EC_P256, Duration.ofDays(30), Clock.systemUTC());
  }

  void run(Timeline timeline) throws Exception {
    timeline.run(
        "SIGKILL of one of two replicas",
        extra -> {
          extra.put("inFlightAtKill", (double) traffic.inFlight());
          timeline.measureRecoveryFromNow();
          webhooks.killAndRecover(webhooks.replicas().get(0));
          Thread.sleep(RolloutDrill.SETTLE.toMillis());
        });
    timeline.run("serving certificate renewed on one replica", extra -> renewOne());
    timeline.run("CA rotated across both replicas", extra -> rotateCa());
    timeline.run(
        "API server restarted",
        extra -> {
          cluster.plane().restartApiServer();
          Thread.sleep(RolloutDrill.SETTLE.toMillis());
        });
  }

  /** cert-manager renews one replica's certificate; new connections get it within a poll. */
  private void renewOne() throws Exception {
    WebhookReplica replica = webhooks.replicas().get(0);
    BigInteger renewed = webhooks.renew(replica).certificate().getSerialNumber();
    awaitServed(replica, ca.root().certificatePem(), renewed);
    Thread.sleep(RolloutDrill.SETTLE.toMillis());
  }

  /**
   * A CA rotation in its three phases: the API server trusts old and new CA; every replica serves a
   * certificate of the new CA; the API server trusts the new CA alone.
   */
  private void rotateCa() throws Exception {
    CertificateAuthority next = newCa("rollout drill CA, next");
    String nextPem = next.root().certificatePem();
    cluster.trust(ca.root().certificatePem() + nextPem);
    Thread.sleep(RolloutDrill.SETTLE.toMillis());
    webhooks.issueFrom(next);
    for (WebhookReplica replica : webhooks.replicas()) {
      awaitServed(replica, nextPem, webhooks.renew(replica).certificate().getSerialNumber());
    }
    Thread.sleep(RolloutDrill.SETTLE.toMillis());
    cluster.trust(nextPem);
    Thread.sleep(RolloutDrill.SETTLE.toMillis());
  }

  private static void awaitServed(WebhookReplica replica, String caPem, BigInteger serial)
      throws Exception {
    long deadline = System.nanoTime() + SERVED_TIMEOUT.toNanos();
    List<String> attempts = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      try {
        if (serial.equals(ServedSerial.fetch(replica, caPem, RolloutDrill.SERVICE_HOST))) {
          return;
        }
      } catch (Exception notYet) {
        attempts.add(String.valueOf(notYet));
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        replica + " never served certificate " + serial + "; errors: " + attempts);
  }
}
