package com.tanhdev.pullsecret.it.certs;

import com.tanhdev.pullsecret.testing.TrustOnly;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLSocket;

/**
 * The certificate a webhook presents to a brand-new connection on 127.0.0.1, read by a client that
 * trusts exactly the given CAs and checks the host name as the API server does: the handshake only
 * succeeds when the served certificate chains to one of them and names 127.0.0.1.
 */
final class ServedCertificate {

  private static final int TIMEOUT_MILLIS = 5_000;

  private ServedCertificate() {}

  static X509Certificate fetch(int port, List<X509Certificate> trustedCas) throws Exception {
    try (SSLSocket socket = TrustOnly.socketTo(port, trustedCas)) {
      socket.setSoTimeout(TIMEOUT_MILLIS);
      socket.startHandshake();
      return (X509Certificate) socket.getSession().getPeerCertificates()[0];
    }
  }

  static X509Certificate fetch(int port, X509Certificate trustedCa) throws Exception {
    return fetch(port, List.of(trustedCa));
  }
}
