package com.tanhdev.pullsecret.tls.selfmanaged;

import com.tanhdev.pullsecret.pki.IssuedCertificate;
import com.tanhdev.pullsecret.pki.PemCodec;
import com.tanhdev.pullsecret.tls.TlsMaterial;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything the self-managed Secret holds.
 *
 * @param currentCa the CA that issues serving certificates from now on, with its key
 * @param olderCas CAs that are still trusted during a rotation; their keys are not kept
 * @param serving the serving certificate and key; empty when the Secret held none that is usable
 * @param phaseSince when the current rotation phase began (empty when steady or unknown)
 * @param isRotationRequested whether someone asked for a new CA on the Secret (never written back)
 */
public record CertificateBundle(
    IssuedCertificate currentCa,
    List<X509Certificate> olderCas,
    Optional<IssuedCertificate> serving,
    Optional<Instant> phaseSince,
    boolean isRotationRequested) {

  public CertificateBundle {
    olderCas = List.copyOf(olderCas);
  }

  /** Every CA a client must trust, the current one first: this is the caBundle. */
  public List<X509Certificate> trustedCas() {
    List<X509Certificate> trusted = new ArrayList<>();
    trusted.add(currentCa.certificate());
    trusted.addAll(olderCas);
    return List.copyOf(trusted);
  }

  public String caBundlePem() {
    return PemCodec.encodeCertificates(trustedCas());
  }

  public RotationPhase phase() {
    if (olderCas.isEmpty()) {
      return RotationPhase.STEADY;
    }
    boolean servesFromCurrent =
        serving.filter(s -> isIssuedBy(s.certificate(), currentCa.certificate())).isPresent();
    return servesFromCurrent ? RotationPhase.NEW_CA_SERVING : RotationPhase.NEW_CA_TRUSTED;
  }

  /** What the server presents: the serving leaf alone, since clients hold the CA already. */
  public Optional<TlsMaterial> servingMaterial() {
    return serving.map(s -> new TlsMaterial(List.of(s.certificate()), s.key()));
  }

  static boolean isIssuedBy(X509Certificate certificate, X509Certificate ca) {
    if (!certificate.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
      return false;
    }
    try {
      certificate.verify(ca.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** Names the certificates only; the keys stay out of logs. */
  @Override
  public String toString() {
    return "CertificateBundle[ca=%s, olderCas=%d, serving=%s, phase=%s]"
        .formatted(
            currentCa, olderCas.size(), serving.map(Object::toString).orElse("none"), phase());
  }
}
