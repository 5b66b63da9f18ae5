package com.tanhdev.pullsecret.tls;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tanhdev.pullsecret.pki.CertificateAuthority;
import com.tanhdev.pullsecret.pki.IssuedCertificate;
import com.tanhdev.pullsecret.pki.KeyAlgorithm;
import com.tanhdev.pullsecret.pki.SubjectAlternativeNames;
import com.tanhdev.pullsecret.pki.TlsMaterialException;
import com.tanhdev.pullsecret.testing.TlsFiles;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.util.io.pem.PemHeader;
import org.bouncycastle.util.io.pem.PemObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TlsMaterialTest {

  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  // What openssl ecparam -genkey puts before the key: the P-256 curve OID.
  private static final String EC_PARAMETERS =
      "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n";

  @TempDir Path dir;

  private final CertificateAuthority authority =
      CertificateAuthority.create(
          "test CA", KeyAlgorithm.EC_P256, Duration.ofDays(3650), Clock.fixed(NOW, ZoneOffset.UTC));

  @ParameterizedTest(name = "{0} key as {1}")
  @CsvSource({
    "EC_P256, PKCS8, -----BEGIN PRIVATE KEY-----",
    "RSA_2048, PKCS8, -----BEGIN PRIVATE KEY-----",
    "EC_P256, PKCS1, -----BEGIN EC PRIVATE KEY-----",
    "RSA_2048, PKCS1, -----BEGIN RSA PRIVATE KEY-----",
    "EC_P256, OPENSSL_EC_PARAMETERS, -----BEGIN EC PARAMETERS-----",
  })
  void keys_load_in_the_formats_cert_manager_kubectl_and_openssl_write(
      KeyAlgorithm algorithm, String format, String expectedHeader) throws Exception {
    IssuedCertificate issued = issue(algorithm, Duration.ofDays(30));
    String keyPem =
        switch (format) {
          case "PKCS8" -> issued.privateKeyPem();
          case "PKCS1" -> traditionalPem(issued);
          default -> EC_PARAMETERS + traditionalPem(issued);
        };
    assertThat(keyPem).startsWith(expectedHeader);

    TlsMaterial material = load(issued.certificatePem(), keyPem);

    assertThat(material.leaf()).isEqualTo(issued.certificate());
    assertThat(material.key().getAlgorithm()).isEqualTo(issued.key().getAlgorithm());
  }

  @Test
  void a_chain_keeps_the_leaf_first() throws Exception {
    IssuedCertificate issued = issue(KeyAlgorithm.EC_P256, Duration.ofDays(30));
    String chain = issued.certificatePem() + authority.root().certificatePem();

    TlsMaterial material = load(chain, issued.privateKeyPem());

    assertThat(material.chain())
        .containsExactly(issued.certificate(), authority.root().certificate());
    assertThat(material.notAfter()).isEqualTo(issued.certificate().getNotAfter().toInstant());
  }

  @Test
  void a_truncated_certificate_is_reported_with_its_file_name() throws Exception {
    IssuedCertificate issued = issue(KeyAlgorithm.EC_P256, Duration.ofDays(30));
    String pem = issued.certificatePem();

    assertThatThrownBy(() -> load(pem.substring(0, pem.length() / 2), issued.privateKeyPem()))
        .isInstanceOf(TlsMaterialException.class)
        .hasMessageStartingWith(dir.resolve("tls.crt") + ": malformed or truncated PEM");
  }

  @Test
  void a_truncated_key_is_reported_with_its_file_name() throws Exception {
    IssuedCertificate issued = issue(KeyAlgorithm.RSA_2048, Duration.ofDays(30));
    String key = issued.privateKeyPem();

    assertThatThrownBy(() -> load(issued.certificatePem(), key.substring(0, key.length() - 40)))
        .hasMessageStartingWith(dir.resolve("tls.key") + ": malformed or truncated PEM");
  }

  @Test
  void empty_files_and_files_of_the_wrong_kind_say_so() throws Exception {
    IssuedCertificate issued = issue(KeyAlgorithm.EC_P256, Duration.ofDays(30));

    assertThatThrownBy(() -> load("", issued.privateKeyPem()))
        .hasMessage(dir.resolve("tls.crt") + ": is empty");
    assertThatThrownBy(() -> load(issued.privateKeyPem(), issued.privateKeyPem()))
        .hasMessage(dir.resolve("tls.crt") + ": contains no CERTIFICATE block");
    assertThatThrownBy(() -> load(issued.certificatePem(), issued.certificatePem()))
        .hasMessageStartingWith(dir.resolve("tls.key") + ": contains no private key");
    assertThatThrownBy(() -> load("not pem at all\n", issued.privateKeyPem()))
        .hasMessage(dir.resolve("tls.crt") + ": contains no PEM block");
  }

  @Test
  void a_missing_file_is_named() {
    Path missing = dir.resolve("absent.crt");

    assertThatThrownBy(() -> TlsFiles.material(missing, dir.resolve("absent.key"), NOW))
        .hasMessageStartingWith(missing + ": cannot be read");
  }

  @Test
  void a_key_that_does_not_belong_to_the_certificate_is_refused() throws Exception {
    IssuedCertificate issued = issue(KeyAlgorithm.EC_P256, Duration.ofDays(30));
    IssuedCertificate otherEc = issue(KeyAlgorithm.EC_P256, Duration.ofDays(30));
    IssuedCertificate otherRsa = issue(KeyAlgorithm.RSA_2048, Duration.ofDays(30));
    String expected =
        dir.resolve("tls.key")
            + ": private key does not match the certificate in "
            + dir.resolve("tls.crt");

    assertThatThrownBy(() -> load(issued.certificatePem(), otherEc.privateKeyPem()))
        .hasMessageStartingWith(expected);
    assertThatThrownBy(() -> load(issued.certificatePem(), otherRsa.privateKeyPem()))
        .hasMessageStartingWith(expected);
  }

  @Test
  void an_expired_certificate_is_refused() throws Exception {
    IssuedCertificate issued = issue(KeyAlgorithm.EC_P256, Duration.ofDays(30));
    Instant expiry = issued.certificate().getNotAfter().toInstant();

    assertThatThrownBy(
            () -> load(issued.certificatePem(), issued.privateKeyPem(), expiry.plusSeconds(1)))
        .hasMessageStartingWith(dir.resolve("tls.crt") + ": certificate expired at " + expiry);
  }

  @Test
  void a_certificate_from_the_future_is_refused() throws Exception {
    IssuedCertificate issued = issue(KeyAlgorithm.EC_P256, Duration.ofDays(30));

    assertThatThrownBy(
            () -> load(issued.certificatePem(), issued.privateKeyPem(), NOW.minusSeconds(3600)))
        .hasMessageStartingWith(dir.resolve("tls.crt") + ": certificate is not valid yet");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"PKCS8", "OPENSSL_TRADITIONAL"})
  void an_encrypted_key_is_refused_because_nothing_could_supply_its_password(String format)
      throws Exception {
    IssuedCertificate issued = issue(KeyAlgorithm.EC_P256, Duration.ofDays(30));
    StringWriter encrypted = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(encrypted)) {
      // Only the framing matters to the reader, not a real ciphertext.
      if (format.equals("PKCS8")) {
        var info =
            new EncryptedPrivateKeyInfo(
                new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2), new byte[64]);
        writer.writeObject(new PemObject("ENCRYPTED PRIVATE KEY", info.getEncoded()));
      } else {
        List<PemHeader> headers =
            List.of(
                new PemHeader("Proc-Type", "4,ENCRYPTED"),
                new PemHeader("DEK-Info", "AES-128-CBC,00112233445566778899AABBCCDDEEFF"));
        writer.writeObject(new PemObject("EC PRIVATE KEY", headers, new byte[64]));
      }
    }

    assertThatThrownBy(() -> load(issued.certificatePem(), encrypted.toString()))
        .hasMessage(dir.resolve("tls.key") + ": encrypted private keys are not supported");
  }

  private IssuedCertificate issue(KeyAlgorithm algorithm, Duration validity) {
    return authority.issueServingCertificate(
        SubjectAlternativeNames.of("a.example"), algorithm, validity);
  }

  private TlsMaterial load(String certificatePem, String keyPem) throws Exception {
    return load(certificatePem, keyPem, NOW);
  }

  private TlsMaterial load(String certificatePem, String keyPem, Instant now) throws Exception {
    Path certificate = Files.writeString(dir.resolve("tls.crt"), certificatePem, US_ASCII);
    Path key = Files.writeString(dir.resolve("tls.key"), keyPem, US_ASCII);
    return TlsFiles.material(certificate, key, now);
  }

  /**
   * PKCS#1 for RSA, SEC1 for EC, the way openssl writes them: the EC form keeps the curve and the
   * public key inside the key structure.
   */
  private static String traditionalPem(IssuedCertificate issued) throws Exception {
    PrivateKeyInfo pkcs8 = PrivateKeyInfo.getInstance(issued.key().getEncoded());
    PemObject pem;
    if (issued.key().getAlgorithm().equals("RSA")) {
      pem =
          new PemObject("RSA PRIVATE KEY", pkcs8.parsePrivateKey().toASN1Primitive().getEncoded());
    } else {
      var publicKey =
          SubjectPublicKeyInfo.getInstance(issued.certificate().getPublicKey().getEncoded());
      var sec1 =
          new ECPrivateKey(
              256,
              ECPrivateKey.getInstance(pkcs8.parsePrivateKey()).getKey(),
              publicKey.getPublicKeyData(),
              pkcs8.getPrivateKeyAlgorithm().getParameters());
      pem = new PemObject("EC PRIVATE KEY", sec1.getEncoded());
    }
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(pem);
    }
    return text.toString();
  }
}
