package com.tanhdev.pullsecret.tls;

import static org.assertj.core.api.Assertions.assertThat;

import com.tanhdev.pullsecret.pki.CertificateAuthority;
import com.tanhdev.pullsecret.pki.IssuedCertificate;
import com.tanhdev.pullsecret.pki.KeyAlgorithm;
import com.tanhdev.pullsecret.pki.SubjectAlternativeNames;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.X509KeyManager;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The in-memory key store Jetty's key managers read the serving chain and key from. */
class TlsMaterialKeyStoreTest {

  private final CertificateAuthority authority =
      CertificateAuthority.create(
          "test CA", KeyAlgorithm.EC_P256, Duration.ofDays(3650), Clock.systemUTC());

  /**
   * The point of the store's own protection parameters: 10,000 rounds would cost every start and
   * every rotation for a store that never leaves memory.
   */
  @Test
  void its_key_is_encrypted_with_a_single_pbkdf2_round() throws Exception {
    IssuedCertificate issued =
        authority.issueServingCertificate(
            SubjectAlternativeNames.of("a.example"), KeyAlgorithm.EC_P256, Duration.ofDays(30));
    char[] password = "in-memory".toCharArray();
    ByteArrayOutputStream stored = new ByteArrayOutputStream();
    new TlsMaterial(List.of(issued.certificate()), issued.key())
        .toKeyStore(password)
        .store(stored, password);

    List<Integer> rounds = new ArrayList<>();
    for (ContentInfo content : new PKCS12PfxPdu(stored.toByteArray()).getContentInfos()) {
      if (!content.getContentType().equals(PKCSObjectIdentifiers.data)) {
        continue; // the certificates, encrypted with the store's own defaults
      }
      for (PKCS12SafeBag bag : new PKCS12SafeBagFactory(content).getSafeBags()) {
        if (bag.getBagValue() instanceof PKCS8EncryptedPrivateKeyInfo key) {
          PBES2Parameters scheme =
              PBES2Parameters.getInstance(
                  key.toASN1Structure().getEncryptionAlgorithm().getParameters());
          rounds.add(
              PBKDF2Params.getInstance(scheme.getKeyDerivationFunc().getParameters())
                  .getIterationCount()
                  .intValue());
        }
      }
    }

    assertThat(rounds).containsExactly(1);
  }

  @ParameterizedTest
  @EnumSource(
      value = KeyAlgorithm.class,
      names = {"EC_P256", "RSA_2048"})
  void the_key_managers_get_the_chain_and_the_key_back(KeyAlgorithm algorithm) throws Exception {
    IssuedCertificate issued =
        authority.issueServingCertificate(
            SubjectAlternativeNames.of("a.example"), algorithm, Duration.ofDays(30));
    TlsMaterial material =
        new TlsMaterial(
            List.of(issued.certificate(), authority.root().certificate()), issued.key());
    char[] password = "in-memory".toCharArray();

    KeyManagerFactory factory = KeyManagerFactory.getInstance("SunX509");
    factory.init(material.toKeyStore(password), password);
    X509KeyManager keys = (X509KeyManager) factory.getKeyManagers()[0];

    String alias = keys.chooseServerAlias(issued.key().getAlgorithm(), null, null);
    assertThat(keys.getPrivateKey(alias)).isEqualTo(issued.key());
    assertThat(keys.getCertificateChain(alias))
        .containsExactly(issued.certificate(), authority.root().certificate());
  }
}
