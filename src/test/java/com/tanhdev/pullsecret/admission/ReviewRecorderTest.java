package com.tanhdev.pullsecret.admission;

import static org.assertj.core.api.Assertions.assertThat;

import com.tanhdev.pullsecret.lookup.FakeSecretLookup;
import com.tanhdev.pullsecret.metrics.WebhookMetrics;
import com.tanhdev.pullsecret.policy.CurrentPolicy;
import com.tanhdev.pullsecret.policy.PolicySettings;
import com.tanhdev.pullsecret.testing.CapturedLogs;
import com.tanhdev.pullsecret.testing.RawReviews;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReviewRecorderTest {

  private final JsonMapper mapper = JsonMappers.strict();

  @Test
  void each_review_is_one_json_line_with_names_and_decision_but_no_object_body() throws Exception {
    byte[] body = RawReviews.podReview();
    AdmissionCodec codec = new AdmissionCodec(mapper);
    AdmissionRequest request = codec.decode(body);
    AdmissionHandler handler =
        new AdmissionHandler(
            new CurrentPolicy(
                PolicySettings.defaults(),
                new FakeSecretLookup().present("auth-dev", "registry-api-tanhdev")));

    try (CapturedLogs logs = new CapturedLogs("pullsecret.admission")) {
      new ReviewRecorder(new WebhookMetrics())
          .record(request, handler.handle(request).record(), 42_000);

      assertThat(logs.jsonLines()).hasSize(1);
      String line = logs.jsonLines().get(0);
      JsonNode json = mapper.readTree(line);
      assertThat(json.get("uid").stringValue()).isEqualTo("705ab4f5-6393-11e8-b7cc-42010a800002");
      assertThat(json.get("kind").stringValue()).isEqualTo("Pod");
      assertThat(json.get("namespace").stringValue()).isEqualTo("auth-dev");
      assertThat(json.get("name").stringValue()).isEqualTo("auth-api-7d9f8c6b5-*");
      assertThat(json.get("decision").stringValue()).isEqualTo("injected");
      assertThat(json.get("secrets").get(0).stringValue()).isEqualTo("registry-api-tanhdev");
      assertThat(json.get("latencyMicros").asInt()).isEqualTo(42);
      assertThat(line)
          .doesNotContain("containerPort")
          .doesNotContain("registry-api.tanhdev.com/auth");
    }
  }

  @Test
  void a_secret_injected_anyway_is_still_counted_as_a_problem_of_its_namespace() throws Exception {
    String metrics =
        metricsAfterRecording("an-invalid-pull-secret-is-injected-with-a-warning-when-told-to");

    assertThat(metrics)
        .contains(
            "pullsecret_secret_problems_total{problem=\"secret-wrong-type\","
                + "secret=\"registry-api-tanhdev\",workload_namespace=\"auth-dev\"} 1")
        .contains("pullsecret_injections_total{secret=\"registry-api-tanhdev\"} 1")
        .doesNotContain("pullsecret_skips_total");
  }

  @Test
  void a_skipped_invalid_secret_counts_as_a_skip_with_reason_secret_invalid() throws Exception {
    String metrics =
        metricsAfterRecording("a-pull-secret-for-another-registry-is-skipped-with-a-warning");

    assertThat(metrics)
        .contains("pullsecret_skips_total{reason=\"secret-invalid\"} 1")
        .contains(
            "pullsecret_secret_problems_total{problem=\"secret-lacks-registry\","
                + "secret=\"registry-api-tanhdev\",workload_namespace=\"auth-dev\"} 1");
  }

  @Test
  void a_secret_the_provisioner_is_about_to_copy_is_not_counted_as_a_problem() throws Exception {
    String metrics =
        metricsAfterRecording(
            "a-deployment-gets-a-missing-secret-the-provisioner-is-about-to-copy");

    // The alert on secret-missing would fire for every new namespace otherwise.
    assertThat(metrics)
        .contains("pullsecret_injections_total{secret=\"registry-api-tanhdev\"} 1")
        .doesNotContain("pullsecret_secret_problems_total{")
        .doesNotContain("pullsecret_skips_total{");
  }

  /** The metrics after one review of this golden case is handled and recorded. */
  private String metricsAfterRecording(String goldenCase) throws Exception {
    GoldenCase golden = new GoldenCase(Path.of("src/test/resources/golden", goldenCase));
    AdmissionRequest request = new AdmissionCodec(mapper).decode(golden.request());
    AdmissionHandler handler =
        new AdmissionHandler(new CurrentPolicy(golden.policy(), golden.secrets()));
    WebhookMetrics metrics = new WebhookMetrics();
    new ReviewRecorder(metrics).record(request, handler.handle(request).record(), 1_000);
    return metrics.scrape();
  }
}
