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

  private final SSLContext context;

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
    TrustManager[] trustManagers = factory.getTrustManagers();
    context = SSLContext.getInstance("TLS");
    context.init(null, trustManagers, null);
  }

  /** One context for all connections; see {@link HttpsConnection#open} on session resumption. */
  SSLContext context() {
    return context;
  }
}
