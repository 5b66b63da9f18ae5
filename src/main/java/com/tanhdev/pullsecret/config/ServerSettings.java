package com.tanhdev.pullsecret.config;

import java.nio.file.Path;

/**
 * Where and how the process listens. Changes need a restart.
 *
 * @param host the address both ports bind to
 * @param port the HTTPS webhook port
 * @param healthPort the plain-HTTP port for probes and metrics
 * @param tlsCertFile PEM certificate chain served on {@code port}
 * @param tlsKeyFile PEM private key (PKCS#1 or PKCS#8, RSA or EC)
 * @param maxConcurrentReviews reviews decided at once (worker threads); more wait in a queue. Open
 *     connections are capped at eight times this: at the cap a new connection replaces the most
 *     stalled one, or is closed before its handshake when none is stalled
 */
public record ServerSettings(
    String host,
    int port,
    int healthPort,
    Path tlsCertFile,
    Path tlsKeyFile,
    int maxConcurrentReviews) {

  public static final String DEFAULT_TLS_DIR = "/etc/pullsecret-webhook/tls";
}
