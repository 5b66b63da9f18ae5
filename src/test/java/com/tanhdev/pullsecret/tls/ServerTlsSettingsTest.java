package com.tanhdev.pullsecret.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tanhdev.pullsecret.pki.CertificateAuthority;
import com.tanhdev.pullsecret.pki.IssuedCertificate;
import com.tanhdev.pullsecret.pki.KeyAlgorithm;
import com.tanhdev.pullsecret.testing.Loopback;
import com.tanhdev.pullsecret.testing.SecretVolume;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerTlsSettingsTest {

  @TempDir Path dir;

  private final CertificateAuthority authority = Loopback.authority("test CA", Duration.ofDays(30));
  private FileCertificateSource source;
  private TlsTestServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close(); // and the source
    }
  }

  @ParameterizedTest(name = "{1} with {2} on a {0} certificate")
  @CsvSource({
    "EC_P256, TLSv1.3, TLS_AES_128_GCM_SHA256",
    "EC_P256, TLSv1.3, TLS_CHACHA20_POLY1305_SHA256",
    "EC_P256, TLSv1.2, TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
    "EC_P256, TLSv1.2, TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
    "RSA_2048, TLSv1.2, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
  })
  void modern_clients_connect(KeyAlgorithm keyAlgorithm, String protocol, String cipherSuite)
      throws Exception {
    serve(keyAlgorithm);

    try (SSLSocket socket =
        server.connect(caCertificate(), new String[] {protocol}, new String[] {cipherSuite})) {
      assertThat(socket.getSession().getProtocol()).isEqualTo(protocol);
      assertThat(socket.getSession().getCipherSuite()).isEqualTo(cipherSuite);
      assertThat(TlsTestServer.get(socket)).isEqualTo("HTTP/1.1 200 OK");
    }
  }

  @Test
  void a_client_offering_only_tls_1_1_cannot_connect() throws Exception {
    serve(KeyAlgorithm.EC_P256);

    assertThatThrownBy(() -> server.connect(caCertificate(), new String[] {"TLSv1.1"}, null))
        .isInstanceOf(SSLException.class);
    assertThat(source.sslContextFactory().getSelectedProtocols())
        .containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
    "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384",
  })
  void a_tls_1_2_client_offering_only_cbc_suites_cannot_connect(String cipherSuite)
      throws Exception {
    serve(KeyAlgorithm.EC_P256);

    assertThatThrownBy(
            () ->
                server.connect(
                    caCertificate(), new String[] {"TLSv1.2"}, new String[] {cipherSuite}))
        .isInstanceOf(SSLException.class);
  }

  @Test
  void only_forward_secret_aead_suites_are_enabled() throws Exception {
    serve(KeyAlgorithm.EC_P256);

    assertThat(source.sslContextFactory().getSelectedCipherSuites())
        .isNotEmpty()
        .allSatisfy(
            suite ->
                assertThat(suite)
                    .matches(
                        "TLS_(ECDHE_(ECDSA|RSA)_WITH_)?"
                            + "(AES_(128|256)_GCM|CHACHA20_POLY1305)_SHA(256|384)"));
    assertThat(source.sslContextFactory().getNeedClientAuth()).isFalse();
    assertThat(source.sslContextFactory().getWantClientAuth()).isFalse();
  }

  private void serve(KeyAlgorithm keyAlgorithm) throws Exception {
    IssuedCertificate issued =
        authority.issueServingCertificate(Loopback.NAMES, keyAlgorithm, Duration.ofDays(1));
    SecretVolume volume = SecretVolume.create(dir, issued.certificatePem(), issued.privateKeyPem());
    source =
        new FileCertificateSource(
            volume.certificateFile(), volume.keyFile(), Duration.ofSeconds(30), Clock.systemUTC());
    source.start();
    server = new TlsTestServer(source);
  }

  private X509Certificate caCertificate() {
    return authority.root().certificate();
  }
}
