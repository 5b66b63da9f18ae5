package com.tanhdev.pullsecret.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.tanhdev.pullsecret.lookup.FakeSecretLookup;
import com.tanhdev.pullsecret.testing.RawReviews;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new replica's first calls come many at once: the API server moves its calls to it when another
 * replica stops. Javalin builds its servlet's configuration on the first request without a lock, so
 * two first requests at once could meet it half built; the roll-out drill saw one answered 500 with
 * an empty body. The server now sends itself a request before it reports ready.
 */
class FirstRequestsTest {

  private static final int CLIENTS = 16;

  /**
   * What a new replica must survive. The race itself is a few nanoseconds wide and cannot be
   * provoked at will; {@link FirstRequestTest} checks the request the server sends itself at its
   * start.
   */
  @Test
  void a_new_servers_first_requests_arriving_together_are_all_answered(@TempDir Path dir)
      throws Exception {
    byte[] review = RawReviews.podReview();
    byte[] request = concat(RawReviews.headers(review.length), review);
    List<SSLSocket> sockets = new ArrayList<>();
    try (RunningWebhook webhook =
        new RunningWebhook(
            dir, new FakeSecretLookup().present("auth-dev", "registry-api-tanhdev"))) {
      try {
        for (int i = 0; i < CLIENTS; i++) {
          SSLSocket socket = webhook.tls();
          socket.startHandshake();
          socket.getOutputStream().write(request, 0, request.length - 1);
          socket.getOutputStream().flush();
          sockets.add(socket);
        }
        // The last byte of every request at once: the server gets them all within microseconds.
        for (SSLSocket socket : sockets) {
          OutputStream out = socket.getOutputStream();
          out.write(request[request.length - 1]);
          out.flush();
        }
        for (SSLSocket socket : sockets) {
          assertThat(RawReviews.statusLine(socket)).isEqualTo("HTTP/1.1 200 OK");
        }
      } finally {
        for (SSLSocket socket : sockets) {
          socket.close();
        }
      }
    }
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }
}
