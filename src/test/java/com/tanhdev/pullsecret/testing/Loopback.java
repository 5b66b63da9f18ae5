package com.tanhdev.pullsecret.testing;

import com.tanhdev.pullsecret.pki.CertificateAuthority;
import com.tanhdev.pullsecret.pki.IssuedCertificate;
import com.tanhdev.pullsecret.pki.KeyAlgorithm;
import com.tanhdev.pullsecret.pki.SubjectAlternativeNames;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The names a server on this machine is called by in tests, and certificates for them. */
public final class Loopback {

  public static final SubjectAlternativeNames NAMES =
      new SubjectAlternativeNames(List.of("localhost"), List.of("127.0.0.1"));

  private Loopback() {}

  /** A fresh EC P-256 CA for the servers of one test, on the system clock. */
  public static CertificateAuthority authority(String commonName, Duration validity) {
    return CertificateAuthority.create(
        commonName, KeyAlgorithm.EC_P256, validity, Clock.systemUTC());
  }

  /** An EC P-256 serving certificate for localhost and 127.0.0.1. */
  public static IssuedCertificate servingCertificate(CertificateAuthority ca, Duration validity) {
    return ca.issueServingCertificate(NAMES, KeyAlgorithm.EC_P256, validity);
  }
}
