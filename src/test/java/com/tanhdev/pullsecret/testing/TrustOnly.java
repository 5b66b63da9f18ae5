package com.tanhdev.pullsecret.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS clients that trust the given test CAs and nothing else, with the JDK's name checks: what the
 * API server does with a webhook's caBundle.
 */
public final class TrustOnly {

  private TrustOnly() {}

  /** Trusts every certificate in this PEM text (one CA, or a caBundle of several). */
  public static SSLContext context(String caCertificatesPem)
      throws GeneralSecurityException, IOException {
    List<X509Certificate> cas =
        CertificateFactory.getInstance("X.509")
            .generateCertificates(
                new ByteArrayInputStream(caCertificatesPem.getBytes(StandardCharsets.US_ASCII)))
            .stream()
            .map(X509Certificate.class::cast)
            .toList();
    return context(cas);
  }

  public static SSLContext context(List<X509Certificate> cas)
      throws GeneralSecurityException, IOException {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    for (int i = 0; i < cas.size(); i++) {
      trust.setCertificateEntry("ca" + i, cas.get(i));
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }

  /**
   * A new connection to {@code port} on 127.0.0.1 that trusts only {@code cas} and checks that the
   * served certificate names 127.0.0.1, as the API server does; not yet handshaken.
   */
  public static SSLSocket socketTo(int port, List<X509Certificate> cas)
      throws GeneralSecurityException, IOException {
    SSLSocket socket =
        (SSLSocket)
            context(cas).getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
    SSLParameters parameters = socket.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    socket.setSSLParameters(parameters);
    return socket;
  }
}
