package com.tanhdev.pullsecret.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Builds and signs X.509 v3 certificates with the JDK's own providers, so that no BouncyCastle JCA
 * provider has to be registered (a shaded jar loses the provider's signature).
 */
final class CertificateSigner {

  /** What a certificate may be used for; decides its basic constraints and key usages. */
  enum Usage {
    CERTIFICATE_AUTHORITY,
    SERVER,
    CLIENT
  }

  /** Who signs: the issuer's name, its public key (for the authority key id) and private key. */
  record Issuer(X500Name name, PublicKey publicKey, PrivateKey privateKey, Instant notAfter) {}

  // Nodes and laptops drift; a certificate that is "not yet valid" for a few seconds breaks calls.
  private static final Duration CLOCK_SKEW_ALLOWANCE = Duration.ofMinutes(1);
  // RFC 5280 allows 20 octets; 127 random bits keep the serial positive and unguessable.
  private static final int SERIAL_BITS = 127;

  private final Clock clock;
  private final SecureRandom random;

  CertificateSigner(Clock clock, SecureRandom random) {
    this.clock = clock;
    this.random = random;
  }

  X509Certificate sign(
      X500Name subject,
      PublicKey subjectKey,
      Usage usage,
      List<GeneralName> subjectAlternativeNames,
      Duration validity,
      Issuer issuer) {
    Instant now = clock.instant();
    Instant notAfter = now.plus(validity);
    // A leaf must not outlive its CA: clients would reject it from that day on anyway.
    if (issuer.notAfter() != null && notAfter.isAfter(issuer.notAfter())) {
      notAfter = issuer.notAfter();
    }
    try {
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              issuer.name(),
              new BigInteger(SERIAL_BITS, random).setBit(SERIAL_BITS - 1),
              Date.from(now.minus(CLOCK_SKEW_ALLOWANCE)),
              Date.from(notAfter),
              subject,
              subjectKey);
      builder.addExtension(
          Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKey));
      boolean isAuthority = usage == Usage.CERTIFICATE_AUTHORITY;
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isAuthority));
      builder.addExtension(Extension.keyUsage, true, keyUsage(usage, subjectKey));
      if (!isAuthority) {
        builder.addExtension(
            Extension.authorityKeyIdentifier,
            false,
            extensions.createAuthorityKeyIdentifier(issuer.publicKey()));
        KeyPurposeId purpose =
            usage == Usage.SERVER ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth;
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
      }
      if (!subjectAlternativeNames.isEmpty()) {
        builder.addExtension(
            Extension.subjectAlternativeName,
            false,
            new GeneralNames(subjectAlternativeNames.toArray(GeneralName[]::new)));
      }
      var signer =
          new JcaContentSignerBuilder(KeyAlgorithm.sha256SignatureAlgorithmFor(issuer.privateKey()))
              .build(issuer.privateKey());
      return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
      throw new IllegalStateException("cannot sign a certificate for " + subject, e);
    }
  }

  private static KeyUsage keyUsage(Usage usage, PublicKey subjectKey) {
    if (usage == Usage.CERTIFICATE_AUTHORITY) {
      return new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign);
    }
    // TLS 1.2 RSA key exchange encrypts with the key; ECDSA keys only ever sign.
    boolean isRsa = subjectKey.getAlgorithm().equals("RSA");
    return new KeyUsage(KeyUsage.digitalSignature | (isRsa ? KeyUsage.keyEncipherment : 0));
  }
}
