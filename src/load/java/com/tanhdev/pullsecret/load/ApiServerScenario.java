package com.tanhdev.pullsecret.load;

import com.tanhdev.pullsecret.kube.ControlPlane;
import com.tanhdev.pullsecret.kube.WebhookConfigurations;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * What a webhook adds to a Pod creation through a real kube-apiserver: dry-run creations at each
 * rate with no webhook registered, then with this webhook registered by URL on loopback, then with
 * a small Go injector ({@link GoInjector}) in its place (failurePolicy Fail, so a failed call shows
 * as a failed creation). The API server runs with {@code DISABLE_HTTP2=true}, so it calls the
 * webhooks over HTTP/1.1 as it calls an in-cluster Service.
 */
final class ApiServerScenario {

  private static final List<Integer> RATES = List.of(50, 150);
  private static final String NAMESPACE = "team-00";
  private static final String SELECTOR = "pullsecret-load";
  private static final String CONFIGURATION = "pullsecret-load";
  private static final Duration REGISTRATION_LIMIT = Duration.ofSeconds(30);

  private static final String HEADER =
      """

      | Offered/s | Webhook | p50 ms | p99 ms | added p50 ms | added p99 ms | Failed |
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
        ("`dryRun=All` Pod creations, open loop, %d s a rate after a warm-up at the lowest;"
                + " kube-apiserver with DISABLE_HTTP2=true. \"added\" is against no webhook.\n")
            .formatted(step.toSeconds()));
    try (ControlPlane plane =
            ControlPlane.startWithApiServerEnvironment(Map.of("DISABLE_HTTP2", "true"));
        ServerProcess server = starts.start("webhook", "webhook-apiserver");
        GoInjector injector =
            GoInjector.start(
                goInjector, certificates.tlsDir(), workDir.resolve("go-injector.log"));
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
      List<LatencySummary> none = measure(creations);
      String ours = "https://127.0.0.1:%d/mutate".formatted(server.webhookAddress().getPort());
      register(client, ours);
      List<LatencySummary> webhook = measure(creations);
      unregister(client);
      register(client, injector.mutateUrl());
      List<LatencySummary> go = measure(creations);
      StringBuilder table = new StringBuilder(HEADER);
      for (int i = 0; i < RATES.size(); i++) {
        int rate = RATES.get(i);
        table.append('\n').append(row(rate, "none", none.get(i), none.get(i)));
        table.append('\n').append(row(rate, "pullsecret-webhook", webhook.get(i), none.get(i)));
        table.append('\n').append(row(rate, "Go injector", go.get(i), none.get(i)));
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

  /** Registers a webhook and waits until the API server calls it (a Pod comes back mutated). */
  private void register(KubernetesClient client, String url) throws InterruptedException {
    String caBundle =
        Base64.getEncoder()
            .encodeToString(
                certificates.root().certificatePem().getBytes(StandardCharsets.US_ASCII));
    WebhookConfigurations.create(
        client,
        CONFIGURATION,
        List.of(
            WebhookConfigurations.podCreate(
                "pullsecret.tanhdev.com", url, caBundle, SELECTOR, "on")));
    awaitMutation(client, true);
  }

  /** Removes the webhook and waits until the API server no longer calls it. */
  private void unregister(KubernetesClient client) throws InterruptedException {
    WebhookConfigurations.delete(client, CONFIGURATION);
    awaitMutation(client, false);
  }

  private void awaitMutation(KubernetesClient client, boolean mutated) throws InterruptedException {
    try (PodCreations probe = new PodCreations(client, NAMESPACE)) {
      long giveUp = System.nanoTime() + REGISTRATION_LIMIT.toNanos();
      while (probe.createOne().getSpec().getImagePullSecrets().isEmpty() == mutated) {
        if (System.nanoTime() > giveUp) {
          throw new IllegalStateException(
              "the API server's webhooks did not change within " + REGISTRATION_LIMIT);
        }
        Thread.sleep(100);
      }
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
