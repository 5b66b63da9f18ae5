package com.tanhdev.pullsecret.tls;

import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The TLS parameters the webhook serves with: TLS 1.2 and 1.3 only, forward-secret AEAD cipher
 * suites only (the Mozilla "intermediate" set without DHE), no client certificates. The API server
 * is a Go client and supports all of these.
 */
final class ServerTlsSettings {

  static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

  static final String[] CIPHER_SUITES = {
    // TLS 1.3: every suite it defines is AEAD and forward secret.
    "TLS_AES_128_GCM_SHA256",
    "TLS_AES_256_GCM_SHA384",
    "TLS_CHACHA20_POLY1305_SHA256",
    // TLS 1.2: ECDHE for forward secrecy, GCM or ChaCha20-Poly1305 to avoid CBC padding oracles.
    "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
    "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
    "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
    "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
    "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
    "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
  };

  private ServerTlsSettings() {}

  /** A server factory with these settings; the caller supplies the key store. */
  static SslContextFactory.Server newServerFactory(String keyStorePassword) {
    SslContextFactory.Server factory = new SslContextFactory.Server();
    factory.setIncludeProtocols(PROTOCOLS);
    factory.setIncludeCipherSuites(CIPHER_SUITES);
    factory.setUseCipherSuitesOrder(true);
    factory.setRenegotiationAllowed(false);
    factory.setNeedClientAuth(false);
    factory.setWantClientAuth(false);
    factory.setKeyStoreType("PKCS12");
    factory.setKeyStorePassword(keyStorePassword);
    return factory;
  }
}
