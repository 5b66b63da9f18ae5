package com.tanhdev.pullsecret.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLSocket;

/**
 * A hostile client that sends one phase of a connection a byte at a time, and reports when the
 * server ended it and what it answered. Between bytes it waits on a read, so it sees the close the
 * moment it happens.
 */
public final class SlowClient {

  /** Which phase the client sends slowly; the phases before it are sent at full speed. */
  public enum Stalls {
    HANDSHAKE,
    HEADERS,
    BODY
  }

  /** How the server ended the connection: after how long, with which answer ("" for none). */
  public record Ending(Duration after, String answer) {}

  private static final byte[] HEADERS =
      ("POST /mutate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              + "Content-Length: 100000\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII);

  /** A TLS record header announcing a 512-byte handshake record: the start of a ClientHello. */
  private static final byte[] HELLO_START = {0x16, 0x03, 0x01, 0x02, 0x00, 0x01};

  private final Stalls stalls;
  private final Duration gap;

  public SlowClient(Stalls stalls, Duration gap) {
    this.stalls = stalls;
    this.gap = gap;
  }

  /**
   * Connects, sends up to the stalled phase at full speed, then one byte every gap until the server
   * ends the connection or {@code giveUp} has passed (then the ending's answer is "still open").
   */
  public Ending run(WebhookSockets webhook, Duration giveUp) throws Exception {
    Socket socket = stalls == Stalls.HANDSHAKE ? webhook.plain() : webhook.tls();
    try (socket) {
      socket.setSoTimeout((int) gap.toMillis());
      if (socket instanceof SSLSocket tls) {
        tls.startHandshake();
      }
      OutputStream out = socket.getOutputStream();
      if (stalls == Stalls.BODY) {
        out.write(HEADERS);
        out.flush();
      }
      byte[] slow = stalls == Stalls.HANDSHAKE ? HELLO_START : HEADERS;
      long start = System.nanoTime();
      for (int i = 0; System.nanoTime() - start < giveUp.toNanos() && !Thread.interrupted(); i++) {
        try {
          out.write(stalls == Stalls.BODY ? ' ' : slow[i % slow.length]);
          out.flush();
        } catch (IOException closed) {
          return new Ending(Duration.ofNanos(System.nanoTime() - start), "");
        }
        String answer = awaitAnswer(socket.getInputStream());
        if (answer != null) {
          return new Ending(Duration.ofNanos(System.nanoTime() - start), answer);
        }
      }
      return new Ending(giveUp, "still open");
    }
  }

  /** What the server sent before it closed, or null when it is still open after one gap. */
  private static String awaitAnswer(InputStream in) {
    StringBuilder answer = new StringBuilder();
    try {
      for (int c = in.read(); c >= 0; c = in.read()) {
        answer.append((char) c);
      }
    } catch (SocketTimeoutException stillOpen) {
      return answer.isEmpty() ? null : answer.toString();
    } catch (IOException closed) {
      // a reset or a TLS failure: the server closed it
    }
    return answer.toString();
  }
}
