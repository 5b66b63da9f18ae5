package com.tanhdev.pullsecret.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.tanhdev.pullsecret.lookup.FakeSecretLookup;
import com.tanhdev.pullsecret.testing.RawReviews;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthEndpointsTest {

  private final HttpClient client = HttpClient.newHttpClient();

  private HttpResponse<String> get(String url) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url)).build(), BodyHandlers.ofString());
  }

  @Test
  void readiness_waits_for_the_secret_cache_while_liveness_is_already_ok(@TempDir Path dir)
      throws Exception {
    try (RunningWebhook webhook = new RunningWebhook(dir, new FakeSecretLookup().notSynced())) {
      assertThat(get(webhook.healthUrl("/healthz")).statusCode()).isEqualTo(200);
      HttpResponse<String> ready = get(webhook.healthUrl("/readyz"));
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ready.body()).contains("tls: ok").contains("secret cache: syncing");
    }
  }

  @Test
  void metrics_show_requests_decisions_and_lookups_after_a_review(@TempDir Path dir)
      throws Exception {
    FakeSecretLookup lookup = new FakeSecretLookup().present("auth-dev", "registry-api-tanhdev");
    try (RunningWebhook webhook = new RunningWebhook(dir, lookup)) {
      assertThat(get(webhook.healthUrl("/readyz")).statusCode()).isEqualTo(200);
      HttpClient tls = HttpClient.newBuilder().sslContext(webhook.trustingContext()).build();
      byte[] review = RawReviews.podReview();
      tls.send(
          HttpRequest.newBuilder(URI.create(webhook.mutateUrl()))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(review))
              .build(),
          BodyHandlers.ofString());

      String metrics = get(webhook.healthUrl("/metrics")).body();
      assertThat(metrics)
          .contains(
              "controller_runtime_webhook_requests_total{code=\"200\",webhook=\"/mutate\"} 1.0")
          .contains("controller_runtime_webhook_latency_seconds_bucket")
          .contains("controller_runtime_webhook_requests_in_flight")
          .contains(
              "pullsecret_admissions_total{kind=\"Pod\",operation=\"CREATE\",outcome=\"injected\"} 1.0")
          .contains("pullsecret_injections_total{secret=\"registry-api-tanhdev\"} 1.0")
          .contains("pullsecret_secret_lookups_total{result=\"cache_hit\"} 1.0");
    }
  }
}
