package com.tanhdev.pullsecret.rollout;

import com.tanhdev.pullsecret.pki.CertificateAuthority;
import com.tanhdev.pullsecret.pki.KeyAlgorithm;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The roll-out drill: two webhook replicas behind the chart's Service, called by a real
 * kube-apiserver through its EndpointSlice, while a steady stream of creates runs through every
 * scenario a production webhook meets: rolling restarts, a SIGKILL, a serving certificate renewal,
 * a CA rotation and an API server restart. It must run inside an {@link IsolatedNetwork}, whose
 * addresses the replicas take. Arguments: {@code --restarts N --rate PER_SECOND --report FILE}.
 */
public final class RolloutDrill {

  private static final Duration SETTLE = Duration.ofSeconds(3);
  private static final Duration BASELINE = Duration.ofSeconds(6);
  private static final Duration MAX_TRAFFIC = Duration.ofMinutes(40);
  private static final Duration CERTIFICATE_POLL = Duration.ofSeconds(2);
  private static final String SERVICE_HOST = DrillCluster.SERVICE + ".pullsecret-system.svc";

  private final DrillOptions options;
  private final Path dir;

  private RolloutDrill(DrillOptions options, Path dir) {
    this.options = options;
    this.dir = dir;
  }

  public static void main(String[] args) throws Exception {
    DrillOptions options = DrillOptions.parse(args);
    DrillReport report =
        new RolloutDrill(options, Files.createTempDirectory("pullsecret-rollout-")).run();
    report.write(options.report());
    System.out.println(report.table());
    // The fabric8 client's threads would keep the JVM alive a while longer.
    System.exit(0);
  }

  private DrillReport run() throws Exception {
    CertificateAuthority ca = newCa("rollout drill CA");
    try (DrillCluster cluster = DrillCluster.start(ca.root().certificatePem());
        WebhookDeployment webhooks =
            new WebhookDeployment(cluster, ca, PodTiming.fromChart(), dir)) {
      webhooks.scaleUp();
      webhooks.scaleUp();
      cluster.awaitAdmissionsWork();
      List<CallRecord> baseline = baseline(cluster);
      double baselineP99 = Timeline.percentileMillis(baseline, 0.99);
      Timeline timeline = new Timeline();
      long[] killedAt = new long[1];
      List<CallRecord> calls;
      try (AdmissionTraffic traffic =
          AdmissionTraffic.start(
              cluster.client(),
              cluster.workloadNamespace(),
              DrillCluster.SECRET,
              options.ratePerSecond(),
              MAX_TRAFFIC)) {
        timeline.run("steady", extra -> Thread.sleep(SETTLE.toMillis()));
        timeline.run(
            options.restarts() + " rolling restarts of both replicas",
            extra -> rollingRestarts(webhooks, extra));
        timeline.run(
            "SIGKILL of one of two replicas",
            extra -> {
              extra.put("inFlightAtKill", (double) traffic.inFlight());
              killedAt[0] = System.nanoTime();
              webhooks.killAndRecover(webhooks.replicas().get(0));
              Thread.sleep(SETTLE.toMillis());
            });
        timeline.run(
            "serving certificate renewed on one replica",
            extra -> renewOne(webhooks, ca.root().certificatePem()));
        timeline.run("CA rotated across both replicas", extra -> rotateCa(cluster, webhooks, ca));
        timeline.run(
            "API server restarted",
            extra -> {
              cluster.plane().restartApiServer();
              Thread.sleep(SETTLE.toMillis());
            });
        if (!traffic.isRunning()) {
          throw new IllegalStateException("the creates reached their bound before the drill ended");
        }
        traffic.close();
        calls = traffic.calls();
      }
      List<ScenarioResult> results = timeline.results(calls, baselineP99);
      results.stream()
          .filter(r -> r.name().startsWith("SIGKILL"))
          .forEach(
              r ->
                  r.extra()
                      .put(
                          "lastFailureMillisAfterKill",
                          Timeline.lastFailureMillisAfter(calls, killedAt[0])));
      return new DrillReport(
          options.restarts(),
          options.ratePerSecond(),
          Timeline.percentileMillis(baseline, 0.50),
          baselineP99,
          results,
          cluster.storedWithoutSecret());
    }
  }

  /** The API server's own latency: the same creates in a namespace the webhook leaves out. */
  private List<CallRecord> baseline(DrillCluster cluster) throws InterruptedException {
    try (AdmissionTraffic traffic =
        AdmissionTraffic.start(
            cluster.client(),
            cluster.leftOutNamespace(),
            DrillCluster.SECRET,
            options.ratePerSecond(),
            BASELINE)) {
      Thread.sleep(BASELINE.toMillis());
      traffic.close();
      return traffic.calls();
    }
  }

  private void rollingRestarts(WebhookDeployment webhooks, Map<String, Double> extra)
      throws Exception {
    int killedAtGraceEnd = 0;
    for (int restart = 1; restart <= options.restarts(); restart++) {
      System.out.printf("rolling restart %d of %d%n", restart, options.restarts());
      for (WebhookReplica old : webhooks.replicas()) {
        webhooks.scaleUp();
        if (!webhooks.delete(old)) {
          killedAtGraceEnd++;
        }
      }
    }
    extra.put("killedAtGraceEnd", (double) killedAtGraceEnd);
    Thread.sleep(SETTLE.toMillis());
  }

  /** cert-manager renews one replica's certificate; new connections get it within a poll. */
  private void renewOne(WebhookDeployment webhooks, String caPem) throws Exception {
    WebhookReplica replica = webhooks.replicas().get(0);
    BigInteger renewed = webhooks.renew(replica).certificate().getSerialNumber();
    awaitServed(replica, caPem, renewed);
    Thread.sleep(SETTLE.toMillis());
  }

  /**
   * A CA rotation in its three phases: the API server trusts old and new CA; every replica serves a
   * certificate of the new CA; the API server trusts the new CA alone.
   */
  private void rotateCa(DrillCluster cluster, WebhookDeployment webhooks, CertificateAuthority old)
      throws Exception {
    CertificateAuthority next = newCa("rollout drill CA, next");
    String nextPem = next.root().certificatePem();
    cluster.trust(old.root().certificatePem() + nextPem);
    Thread.sleep(SETTLE.toMillis());
    webhooks.issueFrom(next);
    for (WebhookReplica replica : webhooks.replicas()) {
      awaitServed(replica, nextPem, webhooks.renew(replica).certificate().getSerialNumber());
    }
    Thread.sleep(SETTLE.toMillis());
    cluster.trust(nextPem);
    Thread.sleep(SETTLE.toMillis());
  }

  private static void awaitServed(WebhookReplica replica, String caPem, BigInteger serial)
      throws Exception {
    long deadline = System.nanoTime() + CERTIFICATE_POLL.multipliedBy(10).toNanos();
    List<Exception> attempts = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      try {
        if (serial.equals(ServedSerial.fetch(replica, caPem, SERVICE_HOST))) {
          return;
        }
      } catch (Exception notYet) {
        attempts.add(notYet);
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        replica + " never served certificate " + serial + "; last error: " + attempts);
  }

  private static CertificateAuthority newCa(String name) {
    return CertificateAuthority.create(
        name, KeyAlgorithm.EC_P256, Duration.ofDays(30), Clock.systemUTC());
  }
}
