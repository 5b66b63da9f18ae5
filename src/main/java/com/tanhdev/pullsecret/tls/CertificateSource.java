package com.tanhdev.pullsecret.tls;

import com.tanhdev.pullsecret.pki.TlsMaterialException;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Where the serving certificate comes from: the server only needs Jetty's factory, readiness only
 * needs the health bit, and metrics only need the expiry. Each source keeps the factory current on
 * its own.
 */
public interface CertificateSource extends AutoCloseable {

  /** TLS 1.2/1.3 with the project's cipher suites, serving the current certificate. */
  SslContextFactory.Server sslContextFactory();

  /** Loads a first certificate, refusing to start without one, then follows changes. */
  void start() throws TlsMaterialException;

  /** True while a certificate is loaded and has not expired; readiness reports it. */
  boolean isReady();

  /** When the served leaf certificate expires. */
  Optional<Instant> notAfter();

  @Override
  void close();
}
