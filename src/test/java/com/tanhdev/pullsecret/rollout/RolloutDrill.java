package com.tanhdev.pullsecret.rollout;

import com.tanhdev.pullsecret.pki.CertificateAuthority;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The roll-out drill: two webhook replicas behind the chart's Service, called by a real
 * kube-apiserver through its EndpointSlice, while a steady stream of creates runs through what a
 * production webhook meets: rolling restarts, then with certificate files a SIGKILL, a serving
 * certificate renewal, a CA rotation and an API server restart, or in the self-managed certificate
 * mode its own CA rotation. It must run inside an {@link IsolatedNetwork}, whose addresses the
 * replicas take. Arguments: see {@link DrillOptions}.
 */
public final class RolloutDrill {

  static final Duration SETTLE = Duration.ofSeconds(3);
  static final String SERVICE_HOST = DrillCluster.SERVICE + ".pullsecret-system.svc";

  private static final Duration BASELINE = Duration.ofSeconds(6);
  private static final Duration MAX_TRAFFIC = Duration.ofMinutes(60);

  private final DrillOptions options;
  private final Path dir;

  private RolloutDrill(DrillOptions options, Path dir) {
    this.options = options;
    this.dir = dir;
  }

  public static void main(String[] args) throws Exception {
    DrillOptions options = DrillOptions.parse(args);
    Path dir = Files.createTempDirectory("pullsecret-rollout-");
    DrillLog.event("pods' files and output in %s", dir);
    DrillReport report = new RolloutDrill(options, dir).run();
    report.write(options.report());
    System.out.println(report.table());
    // The fabric8 client's threads would keep the JVM alive a while longer.
    System.exit(0);
  }

  private DrillReport run() throws Exception {
    CertificateAuthority ca = CertificateFileScenarios.newCa("rollout drill CA");
    boolean selfManaged = options.selfManaged();
    try (DrillCluster cluster =
            DrillCluster.start(selfManaged ? null : ca.root().certificatePem());
        WebhookDeployment webhooks =
            new WebhookDeployment(
                cluster,
                ca,
                PodTiming.fromChart(),
                dir,
                selfManaged ? SelfManagedRotation.configYaml(cluster) : "")) {
      webhooks.scaleUp();
      webhooks.scaleUp();
      cluster.awaitAdmissionsWork();
      List<CallRecord> baseline = baseline(cluster);
      double baselineP99 = Timeline.percentileMillis(baseline, 0.99);
      Timeline timeline = new Timeline();
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
        if (selfManaged) {
          timeline.run(
              "self-managed CA rotated across both replicas",
              extra -> {
                SelfManagedRotation.of(cluster).rotateAndAwait(webhooks.replicas(), SERVICE_HOST);
                Thread.sleep(SETTLE.toMillis());
              });
        } else {
          new CertificateFileScenarios(cluster, webhooks, ca, traffic).run(timeline);
        }
        if (!traffic.isRunning()) {
          throw new IllegalStateException("the creates reached their bound before the drill ended");
        }
        traffic.close();
        calls = traffic.calls();
      }
      List<ScenarioResult> results = timeline.results(calls, baselineP99);
      results
          .get(1)
          .extra()
          .put(
              "failuresAtSigterm", (double) Timeline.failuresAtSigterm(calls, webhooks.sigterms()));
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
      DrillLog.event("rolling restart %d of %d", restart, options.restarts());
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
}
