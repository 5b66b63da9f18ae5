package com.tanhdev.pullsecret.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** HTTP/1.1 by hand on a socket, for tests that control every byte the server sees. */
public final class RawReviews {

  private static final Path POD_REVIEW =
      Path.of(
          "src/test/resources/golden/pod-create-adds-the-secret-when-the-field-is-absent/request.json");

  private RawReviews() {}

  /** A Pod CREATE review whose image is on the default rule's registry, namespace auth-dev. */
  public static byte[] podReview() {
    try {
      return Files.readAllBytes(POD_REVIEW);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void post(Socket socket, byte[] body) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(headers(body.length));
    out.write(body);
    out.flush();
  }

  public static byte[] headers(long contentLength) {
    return ("POST /mutate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: "
            + contentLength
            + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  public static String statusLine(Socket socket) throws IOException {
    return line(socket.getInputStream());
  }

  /** The rest of an answer after its status line: the header lines and the body. */
  public record Rest(List<String> headers, String body) {

    /** Whether the server said it closes the connection after this answer. */
    public boolean closesConnection() {
      return headers.stream().anyMatch(header -> header.equalsIgnoreCase("connection: close"));
    }
  }

  /** Reads the rest of an answer whose status line was read: headers, then the body. */
  public static Rest rest(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    int length = 0;
    List<String> headers = new ArrayList<>();
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      headers.add(header);
      if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(header.substring("content-length:".length()).trim());
      }
    }
    return new Rest(
        List.copyOf(headers), new String(in.readNBytes(length), StandardCharsets.UTF_8));
  }

  /** Reads the rest of an answer whose status line was read, and returns its body. */
  public static String skipBody(Socket socket) throws IOException {
    return rest(socket).body();
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }
}
