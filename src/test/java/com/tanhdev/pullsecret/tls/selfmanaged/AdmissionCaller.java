package com.tanhdev.pullsecret.tls.selfmanaged;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.tanhdev.pullsecret.pki.PemCodec;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

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
    SSLContext context = trusting(caBundlePem);
    try (SSLSocket socket =
        (SSLSocket)
            context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(TIMEOUT_MILLIS);
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      socket.setSSLParameters(parameters);
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

  private static SSLContext trusting(String caBundlePem) throws Exception {
    List<X509Certificate> cas =
        PemCodec.decodeCertificates("caBundle", caBundlePem.getBytes(US_ASCII));
    KeyStore trustStore = KeyStore.getInstance("PKCS12");
    trustStore.load(null, null);
    for (int i = 0; i < cas.size(); i++) {
      trustStore.setCertificateEntry("ca" + i, cas.get(i));
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trustStore);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }
}
