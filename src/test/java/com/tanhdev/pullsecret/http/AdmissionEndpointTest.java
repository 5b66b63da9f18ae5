package com.tanhdev.pullsecret.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.tanhdev.pullsecret.admission.JsonMappers;
import com.tanhdev.pullsecret.lookup.FakeSecretLookup;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transport seen by a client over real TLS: status codes and bodies for every input. Bodies are
 * the contract, so each is compared whole, as a JSON tree.
 */
class AdmissionEndpointTest {

  private static final JsonMapper MAPPER = JsonMappers.strict();

  private static final String POD_REVIEW =
      "src/test/resources/golden/pod-create-adds-the-secret-when-the-field-is-absent/request.json";

  @TempDir static Path dir;
  private static RunningWebhook webhook;
  private static HttpClient client;

  @BeforeAll
  static void start() throws Exception {
    webhook =
        new RunningWebhook(dir, new FakeSecretLookup().present("auth-dev", "registry-api-tanhdev"));
    client =
        HttpClient.newBuilder()
            .sslContext(webhook.trustingContext())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  @AfterAll
  static void stop() {
    webhook.close();
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
    HttpResponse<String> response =
        post("application/json; charset=utf-8", Files.readAllBytes(Path.of(POD_REVIEW)));
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

  @Test
  void a_declared_body_over_7_mib_is_refused_with_413_before_it_is_sent() throws Exception {
    try (SSLSocket socket = webhook.openSocket()) {
      send(
          socket,
          "POST /mutate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              + "Content-Length: 8388608\r\n\r\n");
      String answer = readAnswer(socket);
      assertThat(answer).startsWith("HTTP/1.1 413 ");
      assertJson(bodyOf(answer), error(413, "request body is larger than 7340032 bytes"));
    }
  }

  @Test
  void a_chunked_body_over_7_mib_is_cut_off_with_413() throws Exception {
    try (SSLSocket socket = webhook.openSocket()) {
      send(
          socket,
          "POST /mutate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              + "Transfer-Encoding: chunked\r\n\r\n");
      byte[] chunk = new byte[64 * 1024];
      java.util.Arrays.fill(chunk, (byte) ' ');
      OutputStream out = socket.getOutputStream();
      for (int sent = 0; sent <= 7 * 1024 * 1024; sent += chunk.length) {
        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(chunk);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      send(socket, "0\r\n\r\n");
      String answer = readAnswer(socket);
      assertThat(answer).startsWith("HTTP/1.1 413 ");
      assertJson(bodyOf(answer), error(413, "request body is larger than 7340032 bytes"));
    }
  }

  private static void send(SSLSocket socket, String text) throws IOException {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
  }

  private static String readAnswer(SSLSocket socket) throws IOException {
    return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
  }

  /** The body of a raw HTTP/1.1 answer with a Content-Length. */
  private static String bodyOf(String answer) {
    assertThat(answer).doesNotContainIgnoringCase("Transfer-Encoding: chunked");
    return answer.substring(answer.indexOf("\r\n\r\n") + 4);
  }

  /** Both texts parse to the same JSON tree: member order and spacing aside, equal. */
  private static void assertJson(String actual, String expected) {
    assertThat(MAPPER.readTree(actual)).isEqualTo(MAPPER.readTree(expected));
  }

  private static String error(int code, String message) {
    return MAPPER.createObjectNode().put("code", code).put("error", message).toString();
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

  /**
   * The TLS connector reads a plaintext request as a broken TLS record: it answers with one fatal
   * TLS alert and closes, so no HTTP answer (and no admission answer) ever reaches the client.
   */
  @Test
  void plain_http_on_the_webhook_port_gets_a_tls_alert_and_no_http_answer() throws Exception {
    try (Socket socket = webhook.plain()) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("POST /mutate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                      + "Content-Length: 2\r\n\r\n{}")
                  .getBytes(StandardCharsets.US_ASCII));
      byte[] answer = socket.getInputStream().readAllBytes();
      // A TLS record header (content type 21: alert; version; length 2), then level 2: fatal.
      assertThat(answer).hasSize(7);
      assertThat(answer[0]).as("record content type").isEqualTo((byte) 21);
      assertThat(answer[5]).as("alert level").isEqualTo((byte) 2);
    }
  }

  @Test
  void a_stalled_body_does_not_hold_the_server() throws Exception {
    try (SSLSocket socket = webhook.openSocket()) {
      send(
          socket,
          "POST /mutate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              + "Content-Length: 1000\r\n\r\n{");
      // While this client stalls mid-body, other reviews are still answered.
      assertThat(post("application/json", Files.readAllBytes(Path.of(POD_REVIEW))).statusCode())
          .isEqualTo(200);
      // And the stalled request is ended by the server instead of holding a worker forever.
      String answer = readAnswer(socket);
      assertThat(answer).startsWith("HTTP/1.1 408 ");
      assertJson(bodyOf(answer), error(408, "the request body did not arrive in time"));
    }
  }
}
