package com.tanhdev.pullsecret.http;

import static com.tanhdev.pullsecret.http.JsonBodies.assertJson;
import static com.tanhdev.pullsecret.http.JsonBodies.error;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.tanhdev.pullsecret.lookup.FakeSecretLookup;
import com.tanhdev.pullsecret.testing.RawReviews;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * The transport seen by an HTTP client over real TLS: status codes and bodies for every input.
 * Bodies are the contract, so each is compared whole, as a JSON tree. What only a raw socket can
 * send (oversized, stalled, plaintext) is in {@link RawTransportTest}.
 */
class AdmissionEndpointTest {

  @RegisterExtension
  static final RunningWebhook webhook =
      RunningWebhook.perTestClass(
          new FakeSecretLookup().present("auth-dev", "registry-api-tanhdev"));

  private static HttpClient client;

  @BeforeAll
  static void connect() throws Exception {
    client =
        HttpClient.newBuilder()
            .sslContext(webhook.trustingContext())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  private static HttpResponse<String> post(String contentType, byte[] body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(webhook.mutateUrl()))
            .timeout(Duration.ofSeconds(20))
            .POST(BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return client.send(request.build(), BodyHandlers.ofString());
  }

  private static HttpResponse<String> postJson(String body) throws Exception {
    return post("application/json", body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void a_review_over_tls_is_answered_with_a_patch_over_http_1_1() throws Exception {
    HttpResponse<String> response = post("application/json; charset=utf-8", RawReviews.podReview());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    String patch =
        """
        [{"op":"add","path":"/spec/imagePullSecrets","value":[{"name":"registry-api-tanhdev"}]}]""";
    assertJson(
        response.body(),
        """
        {"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview", "response": {
          "uid": "705ab4f5-6393-11e8-b7cc-42010a800002", "allowed": true,
          "patchType": "JSONPatch", "patch": "%s",
          "auditAnnotations": {"decision": "injected", "secrets": "registry-api-tanhdev"}}}"""
            .formatted(base64(patch)));
  }

  @Test
  void a_get_is_refused_with_405_and_the_allowed_method() throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(webhook.mutateUrl())).GET().build(),
            BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    assertJson(response.body(), error(405, "method GET not allowed, use POST"));
  }

  @Test
  void a_wrong_or_missing_content_type_is_refused_with_415() throws Exception {
    for (String contentType : new String[] {"text/plain", null}) {
      HttpResponse<String> response = post(contentType, "{}".getBytes(StandardCharsets.UTF_8));
      assertThat(response.statusCode()).as(contentType).isEqualTo(415);
      assertJson(response.body(), error(415, "content type must be application/json"));
    }
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void malformed_json_is_a_400_with_a_json_error() throws Exception {
    HttpResponse<String> response = postJson("{\"apiVersion\": ");
    assertThat(response.statusCode()).isEqualTo(400);
    assertJson(
        response.body(),
        error(
            400,
            "body is not valid JSON: Unexpected end-of-input: expected close marker for Object"));
  }

  @Test
  void duplicate_keys_are_a_400() throws Exception {
    String body =
        "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"1\"}}";
    HttpResponse<String> response = postJson(body);
    assertThat(response.statusCode()).isEqualTo(400);
    assertJson(response.body(), error(400, "body is not valid JSON: Duplicate key \"kind\""));
  }

  @Test
  void a_review_without_request_or_uid_or_with_the_wrong_kind_is_a_400() throws Exception {
    assertBadReview(
        "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\"}",
        "request is missing or not an object");
    assertBadReview(
        "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{}}",
        "request.uid is missing or empty");
    assertBadReview(
        "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"Pod\",\"request\":{\"uid\":\"1\"}}",
        "kind must be AdmissionReview");
    assertBadReview(
        "{\"apiVersion\":\"v1\",\"kind\":\"AdmissionReview\"}",
        "apiVersion must be admission.k8s.io/v1 or admission.k8s.io/v1beta1, got \"v1\"");
  }

  private static void assertBadReview(String body, String message) throws Exception {
    HttpResponse<String> response = postJson(body);
    assertThat(response.statusCode()).as(body).isEqualTo(400);
    assertJson(response.body(), error(400, message));
  }

  @Test
  void an_object_with_wrong_field_types_is_allowed_unchanged_with_a_warning() throws Exception {
    String body =
        "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"u1\","
            + "\"kind\":{\"group\":\"\",\"version\":\"v1\",\"kind\":\"Pod\"},\"namespace\":\"auth-dev\",\"operation\":\"CREATE\","
            + "\"object\":{\"spec\":{\"containers\":\"registry-api.tanhdev.com/a:1\"}}}}";
    HttpResponse<String> response = postJson(body);
    assertThat(response.statusCode()).isEqualTo(200);
    assertJson(
        response.body(),
        """
        {"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview", "response": {
          "uid": "u1", "allowed": true,
          "warnings": ["pullsecret-webhook: containers is a string, not a list"],
          "auditAnnotations": {"decision": "no-matching-image"}}}""");
  }

  @Test
  void an_unknown_path_is_a_json_404() throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(webhook.mutateUrl().replace("/mutate", "/validate")))
                .POST(BodyPublishers.noBody())
                .build(),
            BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(404);
    assertJson(response.body(), error(404, "not found: /validate"));
  }

  @Test
  void the_answer_does_not_wait_for_the_review_log_line() throws Exception {
    CountDownLatch answered = new CountDownLatch(1);
    AtomicBoolean logLineHeldTheAnswer = new AtomicBoolean();
    // Holds the review's log line until the client has its answer, or for 5 s: an answer that
    // waited for the log line arrives only after that, and the flag says so.
    AppenderBase<ILoggingEvent> slowLog =
        new AppenderBase<>() {
          @Override
          protected void append(ILoggingEvent event) {
            if (!event.getMessage().equals("admission reviewed")) {
              return;
            }
            try {
              if (!answered.await(5, TimeUnit.SECONDS)) {
                logLineHeldTheAnswer.set(true);
              }
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        };
    Logger reviews = (Logger) LoggerFactory.getLogger("pullsecret.admission");
    slowLog.start();
    reviews.setLevel(Level.INFO);
    reviews.setAdditive(false); // the held line only, not in the test output
    reviews.addAppender(slowLog);
    try {
      HttpResponse<String> response = post("application/json", RawReviews.podReview());
      answered.countDown();
      assertThat(response.statusCode()).isEqualTo(200);
    } finally {
      reviews.detachAppender(slowLog);
      reviews.setAdditive(true);
      reviews.setLevel(null);
    }
    assertThat(logLineHeldTheAnswer).as("the answer waited for the log line").isFalse();
  }
}
