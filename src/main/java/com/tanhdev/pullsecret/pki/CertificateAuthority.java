package com.tanhdev.pullsecret.pki;

import com.tanhdev.pullsecret.pki.CertificateSigner.Issuer;
import com.tanhdev.pullsecret.pki.CertificateSigner.Usage;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.GeneralName;

/**
 * A small private CA: a self-signed root that issues serving certificates for the webhook. Good for
 * development clusters and tests; production clusters normally let cert-manager issue the serving
 * certificate.
 */
public final class CertificateAuthority {

  private final IssuedCertificate root;
  private final CertificateSigner signer;

  private CertificateAuthority(IssuedCertificate root, CertificateSigner signer) {
    this.root = root;
    this.signer = signer;
  }

  /** Generates a new self-signed CA with a fresh key. */
  public static CertificateAuthority create(
      String commonName, KeyAlgorithm algorithm, Duration validity, Clock clock) {
    CertificateSigner signer = new CertificateSigner(clock, new SecureRandom());
    KeyPair keys = algorithm.generateKeyPair();
    X500Name name = name(commonName, List.of());
    X509Certificate certificate =
        signer.sign(
            name,
            keys.getPublic(),
            Usage.CERTIFICATE_AUTHORITY,
            List.of(),
            validity,
            new Issuer(name, keys.getPublic(), keys.getPrivate(), null));
    return new CertificateAuthority(new IssuedCertificate(certificate, keys.getPrivate()), signer);
  }

  /** Uses an existing CA certificate and key, for example ones read back with {@link PemFiles}. */
  public static CertificateAuthority of(IssuedCertificate root, Clock clock) {
    return new CertificateAuthority(root, new CertificateSigner(clock, new SecureRandom()));
  }

  /** The CA's own certificate and key; the certificate is what clients trust (the caBundle). */
  public IssuedCertificate root() {
    return root;
  }

  /**
   * Issues a certificate for a TLS server (extended key usage serverAuth). Its validity is capped
   * at the CA's own expiry.
   */
  public IssuedCertificate issueServingCertificate(
      SubjectAlternativeNames names, KeyAlgorithm algorithm, Duration validity) {
    List<GeneralName> generalNames = new ArrayList<>();
    names.dnsNames().forEach(dns -> generalNames.add(new GeneralName(GeneralName.dNSName, dns)));
    names.ipAddresses().forEach(ip -> generalNames.add(new GeneralName(GeneralName.iPAddress, ip)));
    return issue(
        name(names.primaryName(), List.of()), algorithm, Usage.SERVER, generalNames, validity);
  }

  // Package-private: tests issue client certificates for their API servers through it.
  IssuedCertificate issue(
      X500Name subject,
      KeyAlgorithm algorithm,
      Usage usage,
      List<GeneralName> subjectAlternativeNames,
      Duration validity) {
    KeyPair keys = algorithm.generateKeyPair();
    X509Certificate rootCertificate = root.certificate();
    Issuer issuer =
        new Issuer(
            X500Name.getInstance(rootCertificate.getSubjectX500Principal().getEncoded()),
            rootCertificate.getPublicKey(),
            root.key(),
            rootCertificate.getNotAfter().toInstant());
    X509Certificate certificate =
        signer.sign(subject, keys.getPublic(), usage, subjectAlternativeNames, validity, issuer);
    return new IssuedCertificate(certificate, keys.getPrivate());
  }

  static X500Name name(String commonName, List<String> organizations) {
    X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
    organizations.forEach(organization -> builder.addRDN(BCStyle.O, organization));
    return builder.addRDN(BCStyle.CN, commonName).build();
  }
}
