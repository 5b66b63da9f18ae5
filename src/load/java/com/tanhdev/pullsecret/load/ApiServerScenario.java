package com.tanhdev.pullsecret.load;

import com.tanhdev.pullsecret.kube.ControlPlane;
import com.tanhdev.pullsecret.kube.WebhookConfigurations;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * What a webhook adds to a Pod creation through a real kube-apiserver: dry-run creations taking
 * three namespaces in turn, one no webhook looks at, one this webhook mutates and one a small Go
 * injector ({@link GoInjector}) mutates, each registered by URL on loopback with failurePolicy Fail
 * (a failed call shows as a failed creation). Interleaving puts the three on the same API server at
 * the same moments, so its warm-up and the machine's other work fall on all alike. The API server
 * runs with {@code DISABLE_HTTP2=true}, so it calls the webhooks over HTTP/1.1 as it calls an
 * in-cluster Service. The webhook runs as the image runs it ({@link ImageWebhook}).
 */
final class ApiServerScenario {

  /**
   * Creations per second in each namespace; the API server takes three times as many (60 and 150 a
   * second). At 150 in each, 450 in all, the API server and the client fell behind on the 2-core
   * benchmark machine and the creations timed out in all three alike.
   */
  private static final List<Integer> RATES = List.of(20, 50);

  private static final String SELECTOR = "pullsecret-load";
  private static final Duration REGISTRATION_LIMIT = Duration.ofSeconds(30);

  /** The namespaces, in the table's order: what mutates each ("none" is the baseline). */
  private static final List<String> WEBHOOKS = List.of("none", "pullsecret-webhook", "Go injector");

  private static final String HEADER =
      """

      | Offered/s (each) | Webhook | p50 ms | p99 ms | added p50 ms | added p99 ms | Failed | own µs |
      | ---: | --- | ---: | ---: | ---: | ---: | --- | ---: |""";

  private final Duration step;
  private final ImageWebhook webhook;
  private final LoadCertificates certificates;
  private final Path goInjector;
  private final Path workDir;
  private final Report report;

  ApiServerScenario(
      Duration step,
      ImageWebhook webhook,
      LoadCertificates certificates,
      Path goInjector,
      Path workDir,
      Report report) {
    this.step = step;
    this.webhook = webhook;
    this.certificates = certificates;
    this.goInjector = goInjector;
    this.workDir = workDir;
    this.report = report;
  }

  void run() throws Exception {
    report.section("Through kube-apiserver: dry-run Pod creations with and without a webhook");
    report.text(
        ("`dryRun=All` Pod creations, open loop, %d s a rate after a warm-up at the lowest,"
                + " taking three namespaces in turn; kube-apiserver with DISABLE_HTTP2=true."
                + " \"added\" is against the namespace no webhook looks at.\n")
            .formatted(step.toSeconds()));
    List<String> namespaces = List.of("team-00", "team-01", "team-02");
    try (ControlPlane plane =
            ControlPlane.startWithApiServerEnvironment(Map.of("DISABLE_HTTP2", "true"));
        ServerProcess server = webhook.start("webhook-apiserver");
        GoInjector injector =
            GoInjector.start(
                goInjector, certificates.tlsDir(), workDir.resolve("go-injector.log"));
        PodCreations creations = new PodCreations(plane.client(), namespaces)) {
      KubernetesClient client = plane.client();
      for (int i = 0; i < namespaces.size(); i++) {
        Namespace namespace = new Namespace();
        namespace.setMetadata(
            new ObjectMetaBuilder()
                .withName(namespaces.get(i))
                .addToLabels(SELECTOR, label(i))
                .build());
        client.namespaces().resource(namespace).create();
      }
      String ours = "https://127.0.0.1:%d/mutate".formatted(server.webhookAddress().getPort());
      register(client, creations, 1, ours, namespaces.get(1));
      register(client, creations, 2, injector.mutateUrl(), namespaces.get(2));
      if (!creations.createOne(namespaces.get(0)).getSpec().getImagePullSecrets().isEmpty()) {
        throw new IllegalStateException("a webhook mutated the namespace left out");
      }
      OwnTime warmUpStart = OwnTime.of(server);
      creations.run(RATES.get(0), step); // warm-up, not reported
      StringBuilder table = new StringBuilder(HEADER);
      OwnTime before = OwnTime.of(server);
      long warmUpMicros = before.meanMicrosSince(warmUpStart);
      for (int rate : RATES) {
        List<LatencySummary> results = creations.run(rate, step);
        OwnTime after = OwnTime.of(server);
        String own = Long.toString(after.meanMicrosSince(before));
        before = after;
        for (int i = 0; i < WEBHOOKS.size(); i++) {
          table
              .append('\n')
              .append(
                  row(rate, WEBHOOKS.get(i), results.get(i), results.get(0), i == 1 ? own : ""));
        }
      }
      report.text(table.toString());
      report.text(
          ("\n\"own µs\" is this webhook's mean time per review by its own metric"
                  + " (controller_runtime_webhook_latency: from the handler's start, after the"
                  + " headers, until the answer is written and the review logged; it includes the"
                  + " wait for the body); during the warm-up it was %d µs.\n")
              .formatted(warmUpMicros));
    }
  }

  private static String label(int webhook) {
    return "webhook-" + webhook;
  }

  /**
   * Registers the webhook at {@code url} for the namespace labelled for {@code webhook}, and waits
   * until the API server calls it (a Pod there comes back mutated).
   */
  private void register(
      KubernetesClient client, PodCreations creations, int webhook, String url, String namespace)
      throws InterruptedException {
    String caBundle =
        Base64.getEncoder()
            .encodeToString(
                certificates.root().certificatePem().getBytes(StandardCharsets.US_ASCII));
    WebhookConfigurations.create(
        client,
        "pullsecret-load-" + label(webhook),
        List.of(
            WebhookConfigurations.podCreate(
                "pullsecret.tanhdev.com", url, caBundle, SELECTOR, label(webhook))));
    long giveUp = System.nanoTime() + REGISTRATION_LIMIT.toNanos();
    while (creations.createOne(namespace).getSpec().getImagePullSecrets().isEmpty()) {
      if (System.nanoTime() > giveUp) {
        throw new IllegalStateException(
            "the API server did not call " + url + " within " + REGISTRATION_LIMIT);
      }
      Thread.sleep(100);
    }
  }

  private static String row(
      int rate, String webhook, LatencySummary with, LatencySummary none, String own) {
    boolean isBaseline = with == none;
    return "| %d | %s | %s | %s | %s | %s | %s | %s |"
        .formatted(
            rate,
            webhook,
            Report.ms(with.millisAt(0.5)),
            Report.ms(with.millisAt(0.99)),
            isBaseline ? "" : Report.ms(with.millisAt(0.5) - none.millisAt(0.5)),
            isBaseline ? "" : Report.ms(with.millisAt(0.99) - none.millisAt(0.99)),
            with.errorText(),
            own);
  }

  /** The webhook's own latency metric: total seconds and count, read from its /metrics. */
  private record OwnTime(double seconds, double count) {

    static OwnTime of(ServerProcess server) throws IOException, InterruptedException {
      double seconds = 0;
      double count = 0;
      for (String line : server.metrics().lines().toList()) {
        if (line.startsWith("controller_runtime_webhook_latency_seconds_sum")) {
          seconds = value(line);
        } else if (line.startsWith("controller_runtime_webhook_latency_seconds_count")) {
          count = value(line);
        }
      }
      return new OwnTime(seconds, count);
    }

    long meanMicrosSince(OwnTime earlier) {
      double reviews = count - earlier.count;
      return reviews <= 0 ? 0 : Math.round((seconds - earlier.seconds) / reviews * 1e6);
    }

    private static double value(String line) {
      return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }
  }
}
