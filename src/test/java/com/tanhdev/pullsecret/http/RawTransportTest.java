package com.tanhdev.pullsecret.http;

import static com.tanhdev.pullsecret.http.JsonBodies.assertJson;
import static com.tanhdev.pullsecret.http.JsonBodies.error;
import static org.assertj.core.api.Assertions.assertThat;

import com.tanhdev.pullsecret.lookup.FakeSecretLookup;
import com.tanhdev.pullsecret.testing.RawReviews;
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
import java.time.Duration;
import java.util.Arrays;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What only a raw socket sends to the webhook over real TLS: bodies announced or streamed past the
 * limit, a body that stalls, plaintext on the TLS port. Each answer is compared whole.
 */
class RawTransportTest {

  @RegisterExtension
  static final RunningWebhook webhook =
      RunningWebhook.perTestClass(
          new FakeSecretLookup().present("auth-dev", "registry-api-tanhdev"));

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
      Arrays.fill(chunk, (byte) ' ');
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
      assertThat(postReview().statusCode()).isEqualTo(200);
      // And the stalled request is ended by the server instead of holding a worker forever.
      String answer = readAnswer(socket);
      assertThat(answer).startsWith("HTTP/1.1 408 ");
      assertJson(bodyOf(answer), error(408, "the request body did not arrive in time"));
    }
  }

  private static HttpResponse<String> postReview() throws Exception {
    HttpClient client = HttpClient.newBuilder().sslContext(webhook.trustingContext()).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(webhook.mutateUrl()))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofByteArray(RawReviews.podReview()))
            .build();
    return client.send(request, BodyHandlers.ofString());
  }
}
