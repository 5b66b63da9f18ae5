package com.tanhdev.pullsecret.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.tanhdev.pullsecret.lookup.FakeSecretLookup;
import java.io.IOException;
import java.io.OutputStream;
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
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transport seen by a client over real TLS: status codes and bodies for every bad input. */
class AdmissionEndpointTest {

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
    assertThat(response.body())
        .contains("\"uid\":\"705ab4f5-6393-11e8-b7cc-42010a800002\"")
        .contains("\"patchType\":\"JSONPatch\"");
  }

  @Test
  void a_get_is_refused_with_405_and_the_allowed_method() throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(webhook.mutateUrl())).GET().build(),
            BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    assertThat(response.body()).contains("\"error\":\"method GET not allowed, use POST\"");
  }

  @Test
  void a_wrong_or_missing_content_type_is_refused_with_415() throws Exception {
    assertThat(post("text/plain", "{}".getBytes(StandardCharsets.UTF_8)).statusCode())
        .isEqualTo(415);
    assertThat(post(null, "{}".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(415);
  }

  @Test
  void a_declared_body_over_7_mib_is_refused_with_413_before_it_is_sent() throws Exception {
    try (SSLSocket socket = webhook.openSocket()) {
      send(
          socket,
          "POST /mutate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              + "Content-Length: 8388608\r\n\r\n");
      String answer = readAnswer(socket);
      assertThat(answer).startsWith("HTTP/1.1 413").contains("larger than 7340032 bytes");
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
      assertThat(readAnswer(socket)).startsWith("HTTP/1.1 413");
    }
  }

  private static void send(SSLSocket socket, String text) throws IOException {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
  }

  private static String readAnswer(SSLSocket socket) throws IOException {
    return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
  }

  @Test
  void malformed_json_is_a_400_with_a_json_error() throws Exception {
    HttpResponse<String> response = postJson("{\"apiVersion\": ");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).startsWith("{\"code\":400,\"error\":\"body is not valid JSON");
    assertThat(response.body()).doesNotContain("at tools.jackson");
  }

  @Test
  void duplicate_keys_are_a_400() throws Exception {
    String body =
        "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"1\"}}";
    HttpResponse<String> response = postJson(body);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("Duplicate");
  }

  @Test
  void a_review_without_request_or_uid_or_with_the_wrong_kind_is_a_400() throws Exception {
    assertThat(
            postJson("{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\"}")
                .body())
        .contains("request is missing");
    assertThat(
            postJson(
                    "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{}}")
                .body())
        .contains("request.uid is missing");
    assertThat(
            postJson(
                    "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"Pod\",\"request\":{\"uid\":\"1\"}}")
                .body())
        .contains("kind must be AdmissionReview");
    HttpResponse<String> wrongVersion =
        postJson("{\"apiVersion\":\"v1\",\"kind\":\"AdmissionReview\"}");
    assertThat(wrongVersion.statusCode()).isEqualTo(400);
    assertThat(wrongVersion.body()).contains("apiVersion must be admission.k8s.io/v1");
  }

  @Test
  void an_object_with_wrong_field_types_is_allowed_unchanged_with_a_warning() throws Exception {
    String body =
        "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"u1\","
            + "\"kind\":{\"group\":\"\",\"version\":\"v1\",\"kind\":\"Pod\"},\"namespace\":\"auth-dev\",\"operation\":\"CREATE\","
            + "\"object\":{\"spec\":{\"containers\":\"registry-api.tanhdev.com/a:1\"}}}}";
    HttpResponse<String> response = postJson(body);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"allowed\":true")
        .doesNotContain("patch")
        .contains("containers is a string");
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
    assertThat(response.body()).contains("\"code\":404");
  }

  @Test
  void plain_http_on_the_webhook_port_gets_no_answer() throws Exception {
    HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webhook.webhookPort() + "/mutate"))
            .timeout(Duration.ofSeconds(10))
            .POST(BodyPublishers.ofString("{}"))
            .header("Content-Type", "application/json")
            .build();
    HttpResponse<String> response;
    try {
      response = plain.send(request, BodyHandlers.ofString());
    } catch (IOException refused) {
      return; // the TLS connector drops the plaintext connection
    }
    assertThat(response.statusCode()).as("plaintext must never reach /mutate").isEqualTo(400);
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
      assertThat(readAnswer(socket)).startsWith("HTTP/1.1 408");
    }
  }
}
