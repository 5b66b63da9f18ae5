package com.tanhdev.pullsecret.pki;

import com.tanhdev.pullsecret.pki.CertificateSigner.Usage;
import java.time.Duration;
import java.util.List;

/** Client certificates (extended key usage clientAuth) from a test CA, for test clusters. */
public final class ClientCertificates {

  private ClientCertificates() {}

  /**
   * Kubernetes reads the common name as the user and each organization as a group, so {@code
   * ("admin", List.of("system:masters"))} is a cluster administrator for an API server that trusts
   * this CA.
   */
  public static IssuedCertificate issue(
      CertificateAuthority ca, String commonName, List<String> organizations, Duration validity) {
    return ca.issue(
        CertificateAuthority.name(commonName, organizations),
        KeyAlgorithm.EC_P256,
        Usage.CLIENT,
        List.of(),
        validity);
  }
}
