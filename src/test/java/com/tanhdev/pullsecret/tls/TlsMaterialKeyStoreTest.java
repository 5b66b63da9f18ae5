package com.tanhdev.pullsecret.tls;

import static org.assertj.core.api.Assertions.assertThat;

import com.tanhdev.pullsecret.pki.CertificateAuthority;
import com.tanhdev.pullsecret.pki.IssuedCertificate;
import com.tanhdev.pullsecret.pki.KeyAlgorithm;
import com.tanhdev.pullsecret.pki.SubjectAlternativeNames;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.X509KeyManager;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The in-memory key store Jetty's key managers read the serving chain and key from. */
class TlsMaterialKeyStoreTest {

  private final CertificateAuthority authority =
      CertificateAuthority.create(
          "test CA", KeyAlgorithm.EC_P256, Duration.ofDays(3650), Clock.systemUTC());

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
