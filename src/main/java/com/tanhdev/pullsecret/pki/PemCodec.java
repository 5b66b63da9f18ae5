package com.tanhdev.pullsecret.pki;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * PEM text to and from certificates and keys. Reads what cert-manager, {@code kubectl create secret
 * tls} and openssl write: CERTIFICATE chains, and RSA or EC keys as PKCS#1/SEC1 ({@code RSA PRIVATE
 * KEY}, {@code EC PRIVATE KEY}) or PKCS#8 ({@code PRIVATE KEY}). Writes PKCS#8.
 */
public final class PemCodec {

  private static final Base64.Encoder PEM_BASE64 =
      Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

  private PemCodec() {}

  /** Every CERTIFICATE block, leaf first as in the input; other blocks are ignored. */
  public static List<X509Certificate> decodeCertificates(String source, byte[] pem)
      throws TlsMaterialException {
    List<X509Certificate> certificates = new ArrayList<>();
    for (Object block : blocks(source, pem)) {
      if (block instanceof X509CertificateHolder holder) {
        try {
          certificates.add(new JcaX509CertificateConverter().getCertificate(holder));
        } catch (GeneralSecurityException e) {
          throw new TlsMaterialException(source + ": unreadable certificate: " + e.getMessage(), e);
        }
      }
    }
    if (certificates.isEmpty()) {
      throw new TlsMaterialException(source + ": contains no CERTIFICATE block");
    }
    return List.copyOf(certificates);
  }

  /** The first private key in the input; openssl's EC PARAMETERS blocks are skipped. */
  public static PrivateKey decodePrivateKey(String source, byte[] pem) throws TlsMaterialException {
    for (Object block : blocks(source, pem)) {
      if (block instanceof PEMEncryptedKeyPair || block instanceof PKCS8EncryptedPrivateKeyInfo) {
        throw new TlsMaterialException(source + ": encrypted private keys are not supported");
      }
      if (block instanceof PEMKeyPair pkcs1) {
        return toPrivateKey(source, pkcs1.getPrivateKeyInfo());
      }
      if (block instanceof PrivateKeyInfo pkcs8) {
        return toPrivateKey(source, pkcs8);
      }
    }
    throw new TlsMaterialException(
        source
            + ": contains no private key (expected a PRIVATE KEY, RSA PRIVATE KEY"
            + " or EC PRIVATE KEY block)");
  }

  public static String encodeCertificates(List<X509Certificate> certificates) {
    StringBuilder pem = new StringBuilder();
    for (X509Certificate certificate : certificates) {
      try {
        pem.append(encode("CERTIFICATE", certificate.getEncoded()));
      } catch (CertificateEncodingException e) {
        throw new IllegalStateException(
            "cannot encode " + certificate.getSubjectX500Principal(), e);
      }
    }
    return pem.toString();
  }

  /** PKCS#8, which every TLS stack reads; the JDK's {@code getEncoded()} already is PKCS#8. */
  public static String encodePrivateKey(PrivateKey key) {
    return encode("PRIVATE KEY", key.getEncoded());
  }

  private static String encode(String type, byte[] der) {
    return "-----BEGIN %s-----\n%s\n-----END %s-----\n"
        .formatted(type, PEM_BASE64.encodeToString(der), type);
  }

  private static List<Object> blocks(String source, byte[] pem) throws TlsMaterialException {
    String text = new String(pem, StandardCharsets.US_ASCII);
    if (text.isBlank()) {
      throw new TlsMaterialException(source + ": is empty");
    }
    List<Object> blocks = new ArrayList<>();
    try (PEMParser parser = new PEMParser(new StringReader(text))) {
      for (Object block = parser.readObject(); block != null; block = parser.readObject()) {
        blocks.add(block);
      }
    } catch (IOException | RuntimeException e) {
      // BouncyCastle reports bad base64 and cut-off DER as unchecked exceptions.
      throw new TlsMaterialException(
          source + ": malformed or truncated PEM (" + e.getMessage() + ")", e);
    }
    if (blocks.isEmpty()) {
      throw new TlsMaterialException(source + ": contains no PEM block");
    }
    return blocks;
  }

  private static PrivateKey toPrivateKey(String source, PrivateKeyInfo info)
      throws TlsMaterialException {
    var algorithm = info.getPrivateKeyAlgorithm().getAlgorithm();
    String keyType;
    if (algorithm.equals(PKCSObjectIdentifiers.rsaEncryption)) {
      keyType = "RSA";
    } else if (algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
      keyType = "EC";
    } else {
      throw new TlsMaterialException(
          "%s: unsupported key algorithm %s (only RSA and EC keys are supported)"
              .formatted(source, algorithm));
    }
    try {
      return KeyFactory.getInstance(keyType)
          .generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
    } catch (GeneralSecurityException | IOException e) {
      throw new TlsMaterialException(source + ": unreadable " + keyType + " private key", e);
    }
  }
}
