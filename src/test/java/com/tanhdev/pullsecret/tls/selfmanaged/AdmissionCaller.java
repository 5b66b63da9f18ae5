package com.tanhdev.pullsecret.tls.selfmanaged;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.tanhdev.pullsecret.pki.PemCodec;
import com.tanhdev.pullsecret.testing.TrustOnly;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLSocket;

/**
 * Plays the API server calling the webhook: a new connection per call, trusting exactly the
 * caBundle it is given and checking the host name, as the API server does.
 */
final class AdmissionCaller {

  /** What came back, and which certificate the webhook presented. */
  record Answer(int status, String body, X509Certificate servedCertificate) {}

  private static final int TIMEOUT_MILLIS = 10_000;

  private AdmissionCaller() {}

  static Answer post(int port, String caBundlePem, byte[] review) throws Exception {
    List<X509Certificate> cas =
        PemCodec.decodeCertificates("caBundle", caBundlePem.getBytes(US_ASCII));
    try (SSLSocket socket = TrustOnly.socketTo(port, cas)) {
      socket.setSoTimeout(TIMEOUT_MILLIS);
      socket.startHandshake();
      X509Certificate served = (X509Certificate) socket.getSession().getPeerCertificates()[0];
      OutputStream out = socket.getOutputStream();
      String head =
          "POST /mutate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
              + "Content-Length: "
              + review.length
              + "\r\nConnection: close\r\n\r\n";
      out.write(head.getBytes(US_ASCII));
      out.write(review);
      out.flush();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      socket.getInputStream().transferTo(response);
      String text = response.toString(UTF_8);
      int status = Integer.parseInt(text.split(" ", 3)[1]); // "HTTP/1.1 200 OK"
      return new Answer(status, text.substring(text.indexOf("\r\n\r\n") + 4), served);
    }
  }
}
