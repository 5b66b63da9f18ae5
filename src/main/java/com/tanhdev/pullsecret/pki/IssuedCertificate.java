package com.tanhdev.pullsecret.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** A certificate with its private key, as issued by a {@link CertificateAuthority}. */
public record IssuedCertificate(X509Certificate certificate, PrivateKey key) {

  /** The certificate as one {@code CERTIFICATE} PEM block. */
  public String certificatePem() {
    return PemCodec.encodeCertificates(List.of(certificate));
  }

  /** The key as an unencrypted PKCS#8 {@code PRIVATE KEY} PEM block. */
  public String privateKeyPem() {
    return PemCodec.encodePrivateKey(key);
  }

  /** Names the certificate only: some JDK keys print their private parts in toString. */
  @Override
  public String toString() {
    return "IssuedCertificate[subject=%s, serial=%s]"
        .formatted(
            certificate.getSubjectX500Principal().getName(),
            certificate.getSerialNumber().toString(16));
  }
}
