package com.tanhdev.pullsecret.tls;

import com.tanhdev.pullsecret.pki.TlsMaterialException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Jetty's server-side TLS factory with the webhook's settings ({@link ServerTlsSettings}), whose
 * certificate can be replaced while the server runs.
 */
public final class ReloadableServerContext {

  // The key store only ever lives in memory, so its password only has to be unguessable.
  private final char[] keyStorePassword = randomPassword();
  private final SslContextFactory.Server factory =
      ServerTlsSettings.newServerFactory(new String(keyStorePassword));

  public SslContextFactory.Server factory() {
    return factory;
  }

  /** Serves this material to every handshake from now on. */
  public void install(TlsMaterial material) throws TlsMaterialException {
    KeyStore keyStore = material.toKeyStore(keyStorePassword);
    if (!factory.isStarted()) {
      factory.setKeyStore(keyStore);
      return;
    }
    // Jetty swaps the SSLContext under its lock: new handshakes get the new certificate and open
    // connections keep the session they negotiated.
    try {
      factory.reload(reloaded -> reloaded.setKeyStore(keyStore));
    } catch (Exception e) {
      throw new TlsMaterialException("Jetty refused the new key store: " + e.getMessage(), e);
    }
  }

  private static char[] randomPassword() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes).toCharArray();
  }
}
