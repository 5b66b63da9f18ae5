package com.tanhdev.pullsecret.it.certs;

import com.tanhdev.pullsecret.pki.CertificateAuthority;
import com.tanhdev.pullsecret.pki.IssuedCertificate;
import com.tanhdev.pullsecret.testing.Loopback;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** Unusable TLS files an operator can end up with, and what the webhook must say about each. */
enum BadMaterial {
  /** A copy or paste that stopped halfway through the certificate. */
  TRUNCATED_CERTIFICATE {
    @Override
    Pem files(CertificateAuthority ca) {
      IssuedCertificate serving = issue(ca, Clock.systemUTC());
      String certificate = serving.certificatePem();
      return new Pem(certificate.substring(0, certificate.length() / 2), serving.privateKeyPem());
    }

    @Override
    String problem(Path certificateFile, Path keyFile) {
      return certificateFile + ": malformed or truncated PEM";
    }
  },
  /** The certificate of one issuance with the key of another. */
  KEY_OF_ANOTHER_CERTIFICATE {
    @Override
    Pem files(CertificateAuthority ca) {
      return new Pem(
          issue(ca, Clock.systemUTC()).certificatePem(),
          issue(ca, Clock.systemUTC()).privateKeyPem());
    }

    @Override
    String problem(Path certificateFile, Path keyFile) {
      return keyFile + ": private key does not match the certificate in " + certificateFile;
    }
  },
  /** A certificate that was never renewed. */
  EXPIRED_CERTIFICATE {
    @Override
    Pem files(CertificateAuthority ca) {
      Instant tenDaysAgo = Instant.now().minus(Duration.ofDays(10));
      IssuedCertificate serving = issue(ca, Clock.fixed(tenDaysAgo, ZoneOffset.UTC));
      return new Pem(serving.certificatePem(), serving.privateKeyPem());
    }

    @Override
    String problem(Path certificateFile, Path keyFile) {
      return certificateFile + ": certificate expired at";
    }
  };

  /** The contents of tls.crt and tls.key. */
  record Pem(String certificate, String key) {}

  /** Files signed by {@code ca} (when they hold a readable certificate at all). */
  abstract Pem files(CertificateAuthority ca);

  /** The start of the message naming the file and the problem. */
  abstract String problem(Path certificateFile, Path keyFile);

  /** A one-day certificate for 127.0.0.1 and localhost, issued at the clock's time. */
  static IssuedCertificate issue(CertificateAuthority ca, Clock clock) {
    return Loopback.servingCertificate(
        CertificateAuthority.of(ca.root(), clock), Duration.ofDays(1));
  }
}
