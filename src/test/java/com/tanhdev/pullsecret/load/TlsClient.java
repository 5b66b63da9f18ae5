package com.tanhdev.pullsecret.load;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/** The generator's TLS client: trusts only the test CA, and verifies the server's name. */
final class TlsClient {

  private final TrustManager[] trustManagers;

  TlsClient(String caCertificatePem) throws GeneralSecurityException, java.io.IOException {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry(
        "ca",
        CertificateFactory.getInstance("X.509")
            .generateCertificate(
                new ByteArrayInputStream(caCertificatePem.getBytes(StandardCharsets.US_ASCII))));
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    trustManagers = factory.getTrustManagers();
  }

  /** A context with an empty session cache; see {@link HttpsConnection#open}. */
  SSLContext freshContext() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trustManagers, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no TLS context", e);
    }
  }
}
