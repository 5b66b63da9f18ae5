package com.tanhdev.pullsecret.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tanhdev.pullsecret.lookup.FakeSecretLookup;
import com.tanhdev.pullsecret.testing.RawReviews;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Clients that break off, pipeline, nest or send what no API server would: each gets a clear answer
 * or a close, and afterwards the memory budget holds nothing and ordinary reviews go on.
 */
class CarelessClientTest {

  @RegisterExtension
  static final RunningWebhook webhook =
      RunningWebhook.perTestClass(
          new FakeSecretLookup().present("auth-dev", "registry-api-tanhdev"));

  @AfterEach
  void nothing_is_left_charged_and_reviews_go_on() throws Exception {
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> assertThat(webhook.metrics()).contains("pullsecret_request_memory_bytes 0.0"));
    try (SSLSocket socket = webhook.openSocket()) {
      RawReviews.post(socket, RawReviews.podReview());
      assertThat(RawReviews.statusLine(socket)).isEqualTo("HTTP/1.1 200 OK");
    }
  }

  @Test
  void a_client_that_goes_away_halfway_through_its_body_leaves_nothing_behind() throws Exception {
    byte[] review = RawReviews.podReview();
    for (int i = 0; i < 20; i++) {
      try (SSLSocket socket = webhook.openSocket()) {
        OutputStream out = socket.getOutputStream();
        out.write(RawReviews.headers(review.length));
        out.write(review, 0, review.length / 2);
        out.flush();
      }
    }
  }

  @Test
  void a_client_that_goes_away_before_its_answer_is_no_server_error() throws Exception {
    byte[] review = RawReviews.podReview();
    double serverErrors = serverErrors();
    for (int i = 0; i < 20; i++) {
      try (SSLSocket socket = webhook.openSocket()) {
        OutputStream out = socket.getOutputStream();
        out.write(RawReviews.headers(review.length));
        out.write(review);
        out.flush();
        if (i % 2 == 0) {
          socket.setSoLinger(true, 0); // half of them reset the connection instead of closing it
        }
      }
    }
    assertThat(serverErrors()).as("requests counted as server errors").isEqualTo(serverErrors);
  }

  private static double serverErrors() throws Exception {
    return webhook
        .metrics()
        .lines()
        .filter(l -> l.startsWith("controller_runtime_webhook_requests_total{code=\"500\""))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  @Test
  void pipelined_reviews_are_answered_in_order_on_one_connection() throws Exception {
    byte[] review = RawReviews.podReview();
    try (SSLSocket socket = webhook.openSocket()) {
      OutputStream out = socket.getOutputStream();
      for (int i = 0; i < 5; i++) {
        out.write(RawReviews.headers(review.length));
        out.write(review);
      }
      out.flush();
      for (int i = 0; i < 5; i++) {
        assertThat(RawReviews.statusLine(socket)).isEqualTo("HTTP/1.1 200 OK");
        assertThat(RawReviews.skipBody(socket)).contains("\"patchType\":\"JSONPatch\"");
      }
    }
  }

  @Test
  void a_body_nested_deeper_than_any_object_is_a_400() throws Exception {
    // Ten times the parser's depth limit, yet small enough to be sent whole before the answer:
    // the server answers and closes with the rest unread, and a client still writing then gets
    // a reset instead of the answer, which is not what this test is about.
    String deep = "{\"request\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";
    try (SSLSocket socket = webhook.openSocket()) {
      RawReviews.post(socket, deep.getBytes(StandardCharsets.US_ASCII));
      assertThat(RawReviews.statusLine(socket)).isEqualTo("HTTP/1.1 400 Bad Request");
      assertThat(RawReviews.skipBody(socket)).contains("nesting depth");
    }
  }

  @Test
  void a_huge_image_string_is_inspected_within_the_limits_and_warned_about_briefly()
      throws Exception {
    String review = new String(RawReviews.podReview(), StandardCharsets.UTF_8);
    String huge =
        review.replaceFirst(
            "\"image\"\\s*:\\s*\"[^\"]*\"", "\"image\":\"Registry/" + "A".repeat(1_000_000) + "\"");
    try (SSLSocket socket = webhook.openSocket()) {
      RawReviews.post(socket, huge.getBytes(StandardCharsets.UTF_8));
      assertThat(RawReviews.statusLine(socket)).isEqualTo("HTTP/1.1 200 OK");
      String answer = RawReviews.skipBody(socket);
      assertThat(answer).contains("is invalid").hasSizeLessThan(2_000);
    }
  }

  @Test
  void a_chunked_body_in_many_tiny_chunks_is_answered() throws Exception {
    byte[] review = RawReviews.podReview();
    try (SSLSocket socket = webhook.openSocket()) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /mutate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  + "Transfer-Encoding: chunked\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      for (byte b : review) {
        out.write("1\r\n".getBytes(StandardCharsets.US_ASCII));
        out.write(b);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(RawReviews.statusLine(socket)).isEqualTo("HTTP/1.1 200 OK");
    }
  }

  @Test
  void headers_larger_than_jetty_accepts_are_refused_with_431() throws Exception {
    try (SSLSocket socket = webhook.openSocket()) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /mutate HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: "
                  // Over twice Jetty's 8 KiB limit, and sent whole before the answer (see above).
                  + "x".repeat(20_000)
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(RawReviews.statusLine(socket)).startsWith("HTTP/1.1 431");
    }
  }
}
