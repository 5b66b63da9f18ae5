package com.tanhdev.pullsecret.load;

import com.tanhdev.pullsecret.kube.ControlPlane;
import com.tanhdev.pullsecret.kube.WebhookConfigurations;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * What the webhook adds to a Pod creation through a real kube-apiserver: dry-run creations at each
 * rate with no webhook registered, then the same with the webhook registered by URL on loopback
 * (failurePolicy Fail, so a failed call shows as a failed creation). The API server runs with
 * {@code DISABLE_HTTP2=true}, so it calls the webhook over HTTP/1.1 as it calls an in-cluster
 * Service.
 */
final class ApiServerScenario {

  private static final List<Integer> RATES = List.of(50, 150);
  private static final String NAMESPACE = "team-00";
  private static final String SELECTOR = "pullsecret-load";
  private static final String CONFIGURATION = "pullsecret-load";

  private static final String HEADER =
      """

      | Offered/s | p50 ms without | p99 ms without | p50 ms with | p99 ms with | added p50 ms | added p99 ms | Failed without / with |
      | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |""";

  private final Duration step;
  private final ServerStarts starts;
  private final String caPem;
  private final Report report;

  ApiServerScenario(Duration step, ServerStarts starts, String caPem, Report report) {
    this.step = step;
    this.starts = starts;
    this.caPem = caPem;
    this.report = report;
  }

  void run() throws Exception {
    report.section("Through kube-apiserver: dry-run Pod creations with and without the webhook");
    report.text(
        "`dryRun=All` Pod creations, open loop, %d s a rate; kube-apiserver with DISABLE_HTTP2=true.\n"
            .formatted(step.toSeconds()));
    try (ControlPlane plane =
            ControlPlane.startWithApiServerEnvironment(Map.of("DISABLE_HTTP2", "true"));
        ServerProcess server = starts.start("webhook", "webhook-apiserver");
        PodCreations creations = new PodCreations(plane.client(), NAMESPACE)) {
      KubernetesClient client = plane.client();
      client
          .namespaces()
          .resource(
              new NamespaceBuilder()
                  .withNewMetadata()
                  .withName(NAMESPACE)
                  .addToLabels(SELECTOR, "on")
                  .endMetadata()
                  .build())
          .create();
      List<LatencySummary> without = measure(creations);
      register(client, server);
      List<LatencySummary> with = measure(creations);
      StringBuilder table = new StringBuilder(HEADER);
      for (int i = 0; i < RATES.size(); i++) {
        table.append('\n').append(row(RATES.get(i), without.get(i), with.get(i)));
      }
      report.text(table.toString());
    }
  }

  /** A warm-up at the lowest rate, not reported, then each rate. */
  private List<LatencySummary> measure(PodCreations creations) throws InterruptedException {
    creations.run(RATES.get(0), step);
    List<LatencySummary> results = new ArrayList<>();
    for (int rate : RATES) {
      results.add(creations.run(rate, step));
    }
    return results;
  }

  /** Registers the webhook and waits until the API server calls it (a Pod comes back mutated). */
  private void register(KubernetesClient client, ServerProcess server) throws InterruptedException {
    String url = "https://127.0.0.1:%d/mutate".formatted(server.webhookAddress().getPort());
    String caBundle = Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.US_ASCII));
    WebhookConfigurations.create(
        client,
        CONFIGURATION,
        List.of(
            WebhookConfigurations.podCreate(
                "pullsecret.tanhdev.com", url, caBundle, SELECTOR, "on")));
    try (PodCreations probe = new PodCreations(client, NAMESPACE)) {
      long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (probe.createOne().getSpec().getImagePullSecrets().isEmpty()) {
        if (System.nanoTime() > giveUp) {
          throw new IllegalStateException("the API server did not call the webhook within 30 s");
        }
        Thread.sleep(100);
      }
    }
  }

  private static String row(int rate, LatencySummary without, LatencySummary with) {
    return "| %d | %s | %s | %s | %s | %s | %s | %s / %s |"
        .formatted(
            rate,
            Report.ms(without.millisAt(0.5)),
            Report.ms(without.millisAt(0.99)),
            Report.ms(with.millisAt(0.5)),
            Report.ms(with.millisAt(0.99)),
            Report.ms(with.millisAt(0.5) - without.millisAt(0.5)),
            Report.ms(with.millisAt(0.99) - without.millisAt(0.99)),
            without.errorText(),
            with.errorText());
  }
}
