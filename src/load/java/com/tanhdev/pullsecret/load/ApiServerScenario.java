package com.tanhdev.pullsecret.load;

import com.tanhdev.pullsecret.kube.ControlPlane;
import com.tanhdev.pullsecret.kube.WebhookConfigurations;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
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
 * in-cluster Service.
 */
final class ApiServerScenario {

  /** Creations per second in each namespace; the API server takes three times as many. */
  private static final List<Integer> RATES = List.of(50, 150);

  private static final String SELECTOR = "pullsecret-load";
  private static final Duration REGISTRATION_LIMIT = Duration.ofSeconds(30);

  /** The namespaces, in the table's order: what mutates each ("none" is the baseline). */
  private static final List<String> WEBHOOKS = List.of("none", "pullsecret-webhook", "Go injector");

  private static final String HEADER =
      """

      | Offered/s (each) | Webhook | p50 ms | p99 ms | added p50 ms | added p99 ms | Failed |
      | ---: | --- | ---: | ---: | ---: | ---: | --- |""";

  private final Duration step;
  private final ServerStarts starts;
  private final LoadCertificates certificates;
  private final Path goInjector;
  private final Path workDir;
  private final Report report;

  ApiServerScenario(
      Duration step,
      ServerStarts starts,
      LoadCertificates certificates,
      Path goInjector,
      Path workDir,
      Report report) {
    this.step = step;
    this.starts = starts;
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
        ServerProcess server = starts.start("webhook", "webhook-apiserver");
        GoInjector injector =
            GoInjector.start(
                goInjector, certificates.tlsDir(), workDir.resolve("go-injector.log"));
        PodCreations creations = new PodCreations(plane.client(), namespaces)) {
      KubernetesClient client = plane.client();
      for (int i = 0; i < namespaces.size(); i++) {
        createNamespace(client, namespaces.get(i), label(i));
      }
      String ours = "https://127.0.0.1:%d/mutate".formatted(server.webhookAddress().getPort());
      register(client, creations, 1, ours, namespaces.get(1));
      register(client, creations, 2, injector.mutateUrl(), namespaces.get(2));
      if (!creations.createOne(namespaces.get(0)).getSpec().getImagePullSecrets().isEmpty()) {
        throw new IllegalStateException("a webhook mutated the namespace left out");
      }
      creations.run(RATES.get(0), step); // warm-up, not reported
      StringBuilder table = new StringBuilder(HEADER);
      for (int rate : RATES) {
        List<LatencySummary> results = creations.run(rate, step);
        for (int i = 0; i < WEBHOOKS.size(); i++) {
          table.append('\n').append(row(rate, WEBHOOKS.get(i), results.get(i), results.get(0)));
        }
      }
      report.text(table.toString());
    }
  }

  private static String label(int webhook) {
    return "webhook-" + webhook;
  }

  private static void createNamespace(KubernetesClient client, String name, String label) {
    client
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(name)
                .addToLabels(SELECTOR, label)
                .endMetadata()
                .build())
        .create();
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

  private static String row(int rate, String webhook, LatencySummary with, LatencySummary none) {
    boolean isBaseline = with == none;
    return "| %d | %s | %s | %s | %s | %s | %s |"
        .formatted(
            rate,
            webhook,
            Report.ms(with.millisAt(0.5)),
            Report.ms(with.millisAt(0.99)),
            isBaseline ? "" : Report.ms(with.millisAt(0.5) - none.millisAt(0.5)),
            isBaseline ? "" : Report.ms(with.millisAt(0.99) - none.millisAt(0.99)),
            with.errorText());
  }
}
