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
import javax.crypto.spec.PBEParameterSpec;

/**
 * A certificate chain and the private key of its leaf, checked to be servable: the key belongs to
 * the leaf and the leaf is within its validity period.
 */
public record TlsMaterial(List<X509Certificate> chain, PrivateKey key) {

  private static final String KEY_STORE_ALIAS = "serving";

  /** The JDK's default PKCS#12 key protection, with its round count set by the caller. */
  private static final String IN_MEMORY_KEY_PROTECTION = "PBEWithHmacSHA256AndAES_256";

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

  /**
   * An in-memory PKCS#12 key store holding this chain and key; nothing touches the disk. The key
   * store API encrypts every key it holds, by default with 10,000 rounds of PBKDF2 when the key is
   * put in and again when the server's key manager reads it: 70-80 ms of each start with the
   * image's AOT cache, twice that without, and again at each certificate rotation
   * (docs/benchmarks.md). A key store that is never written anywhere, under a random password,
   * gains nothing from them, so its key is encrypted with a single round.
   */
  public KeyStore toKeyStore(char[] password) {
    try {
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(null, null);
      byte[] salt = new byte[16];
      new SecureRandom().nextBytes(salt);
      keyStore.setEntry(
          KEY_STORE_ALIAS,
          new KeyStore.PrivateKeyEntry(key, chain.toArray(X509Certificate[]::new)),
          new KeyStore.PasswordProtection(
              password, IN_MEMORY_KEY_PROTECTION, new PBEParameterSpec(salt, 1)));
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
