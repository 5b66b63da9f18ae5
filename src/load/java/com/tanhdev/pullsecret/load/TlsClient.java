package com.tanhdev.pullsecret.load;

import com.tanhdev.pullsecret.testing.TrustOnly;
import java.io.IOException;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;

/** The generator's TLS client: trusts only the test CA, and verifies the server's name. */
final class TlsClient {

  private final SSLContext context;

  TlsClient(String caCertificatePem) throws GeneralSecurityException, IOException {
    context = TrustOnly.context(caCertificatePem);
  }

  /** One context for all connections; see {@link HttpsConnection#open} on session resumption. */
  SSLContext context() {
    return context;
  }
}
