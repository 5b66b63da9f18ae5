package com.tanhdev.pullsecret.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The key types this project generates; each is what Kubernetes and cert-manager accept. */
public enum KeyAlgorithm {
  EC_P256("EC", 256),
  RSA_2048("RSA", 2048),
  RSA_3072("RSA", 3072);

  private final String jcaName;
  private final int bits;

  KeyAlgorithm(String jcaName, int bits) {
    this.jcaName = jcaName;
    this.bits = bits;
  }

  /** The spelling used on the command line, for example {@code ec-p256}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<KeyAlgorithm> fromCliName(String name) {
    return Arrays.stream(values()).filter(a -> a.cliName().equals(name)).findFirst();
  }

  public static String cliNames() {
    return Arrays.stream(values()).map(KeyAlgorithm::cliName).collect(Collectors.joining("|"));
  }

  public KeyPair generateKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(jcaName);
      if (jcaName.equals("EC")) {
        generator.initialize(new ECGenParameterSpec("secp256r1"));
      } else {
        generator.initialize(bits);
      }
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot generate " + this + " keys", e);
    }
  }

  /** SHA-256 with the signer's key type: the signature depends on the issuer, not the subject. */
  public static String sha256SignatureAlgorithmFor(PrivateKey signingKey) {
    return switch (signingKey.getAlgorithm()) {
      case "EC" -> "SHA256withECDSA";
      case "RSA" -> "SHA256withRSA";
      default ->
          throw new IllegalArgumentException(
              "unsupported signing key algorithm: " + signingKey.getAlgorithm());
    };
  }
}
