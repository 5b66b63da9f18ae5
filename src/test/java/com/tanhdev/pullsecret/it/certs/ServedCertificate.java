package com.tanhdev.pullsecret.it.certs;

import java.net.InetAddress;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * The certificate a webhook presents to a brand-new connection on 127.0.0.1, read by a client that
 * trusts exactly the given CAs and checks the host name as the API server does: the handshake only
 * succeeds when the served certificate chains to one of them and names 127.0.0.1.
 */
final class ServedCertificate {

  private static final int TIMEOUT_MILLIS = 5_000;

  private ServedCertificate() {}

  static X509Certificate fetch(int port, List<X509Certificate> trustedCas) throws Exception {
    try (SSLSocket socket =
        (SSLSocket)
            trusting(trustedCas)
                .getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(TIMEOUT_MILLIS);
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      socket.setSSLParameters(parameters);
      socket.startHandshake();
      return (X509Certificate) socket.getSession().getPeerCertificates()[0];
    }
  }

  static X509Certificate fetch(int port, X509Certificate trustedCa) throws Exception {
    return fetch(port, List.of(trustedCa));
  }

  private static SSLContext trusting(List<X509Certificate> cas) throws Exception {
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
