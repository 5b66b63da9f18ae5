package com.tanhdev.pullsecret.tls;

import com.tanhdev.pullsecret.pki.KeyAlgorithm;
import com.tanhdev.pullsecret.pki.PemCodec;
import com.tanhdev.pullsecret.pki.TlsMaterialException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * A certificate chain and the private key of its leaf, checked to be servable: the key belongs to
 * the leaf and the leaf is within its validity period.
 */
public record TlsMaterial(List<X509Certificate> chain, PrivateKey key) {

  private static final String KEY_STORE_ALIAS = "serving";

  public TlsMaterial {
    chain = List.copyOf(chain);
  }

  /** Parses and checks PEM content; the source names appear in every error message. */
  public static TlsMaterial fromPem(
      String certificateSource, byte[] certificatePem, String keySource, byte[] keyPem, Instant now)
      throws TlsMaterialException {
    List<X509Certificate> chain = PemCodec.decodeCertificates(certificateSource, certificatePem);
    PrivateKey key = PemCodec.decodePrivateKey(keySource, keyPem);
    X509Certificate leaf = chain.get(0);
    if (!belongsTo(key, leaf)) {
      throw new TlsMaterialException(
          "%s: private key does not match the certificate in %s (%s)"
              .formatted(keySource, certificateSource, describe(leaf)));
    }
    if (now.isAfter(leaf.getNotAfter().toInstant())) {
      throw new TlsMaterialException(
          "%s: certificate expired at %s (%s)"
              .formatted(certificateSource, leaf.getNotAfter().toInstant(), describe(leaf)));
    }
    if (now.isBefore(leaf.getNotBefore().toInstant())) {
      throw new TlsMaterialException(
          "%s: certificate is not valid yet, only from %s (%s)"
              .formatted(certificateSource, leaf.getNotBefore().toInstant(), describe(leaf)));
    }
    return new TlsMaterial(chain, key);
  }

  public X509Certificate leaf() {
    return chain.get(0);
  }

  public Instant notAfter() {
    return leaf().getNotAfter().toInstant();
  }

  /** An in-memory PKCS#12 key store holding this chain and key; nothing touches the disk. */
  public KeyStore toKeyStore(char[] password) {
    try {
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(null, null);
      keyStore.setKeyEntry(KEY_STORE_ALIAS, key, password, chain.toArray(X509Certificate[]::new));
      return keyStore;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build an in-memory key store", e);
    }
  }

  /** Names the leaf only: some JDK keys print their private parts in toString. */
  @Override
  public String toString() {
    return "TlsMaterial[" + describe(leaf()) + ", chain of " + chain.size() + "]";
  }

  /**
   * Proves the key and the certificate hold the two halves of one key pair by signing with one and
   * verifying with the other. Unlike comparing public keys, this needs no way to derive the public
   * half of an EC private key, and it works for PKCS#8 keys that do not embed it.
   */
  private static boolean belongsTo(PrivateKey key, X509Certificate certificate) {
    if (!key.getAlgorithm().equals(certificate.getPublicKey().getAlgorithm())) {
      return false;
    }
    try {
      byte[] challenge = new byte[32];
      new SecureRandom().nextBytes(challenge);
      String algorithm = KeyAlgorithm.sha256SignatureAlgorithmFor(key);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(challenge);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(challenge);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static String describe(X509Certificate certificate) {
    return "subject %s, serial %s"
        .formatted(
            certificate.getSubjectX500Principal().getName(),
            certificate.getSerialNumber().toString(16));
  }
}
