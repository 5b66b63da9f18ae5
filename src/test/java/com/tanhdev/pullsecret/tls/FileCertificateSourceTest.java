package com.tanhdev.pullsecret.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.tanhdev.pullsecret.pki.CertificateAuthority;
import com.tanhdev.pullsecret.pki.IssuedCertificate;
import com.tanhdev.pullsecret.pki.TlsMaterialException;
import com.tanhdev.pullsecret.testing.CapturedLogs;
import com.tanhdev.pullsecret.testing.Loopback;
import com.tanhdev.pullsecret.testing.MutableClock;
import com.tanhdev.pullsecret.testing.SecretVolume;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCertificateSourceTest {

  private static final Duration POLL = Duration.ofMillis(50);
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  @TempDir Path dir;

  private final CertificateAuthority authority = Loopback.authority("test CA", Duration.ofDays(30));
  private FileCertificateSource source;
  private TlsTestServer server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (source != null) {
      source.close();
    }
  }

  @Test
  void the_certificate_in_the_files_is_served_and_reported() throws Exception {
    IssuedCertificate first = issue();
    SecretVolume volume = volumeWith(first);

    startServing(volume, Clock.systemUTC());

    assertThat(server.servedSerial(caCertificate())).isEqualTo(serial(first));
    assertThat(source.isReady()).isTrue();
    assertThat(source.notAfter()).contains(first.certificate().getNotAfter().toInstant());
  }

  @Test
  void a_secret_update_reaches_new_connections_while_open_ones_keep_working() throws Exception {
    IssuedCertificate first = issue();
    IssuedCertificate second = issue();
    SecretVolume volume = volumeWith(first);
    startServing(volume, Clock.systemUTC());

    try (CapturedLogs logs = new CapturedLogs(FileCertificateSource.class);
        SSLSocket openBeforeUpdate = server.connect(caCertificate())) {
      assertThat(TlsTestServer.get(openBeforeUpdate)).isEqualTo("HTTP/1.1 200 OK");

      volume.publish(second.certificatePem(), second.privateKeyPem());

      await()
          .atMost(PATIENCE)
          .until(() -> server.servedSerial(caCertificate()), serial(second)::equals);
      assertThat(TlsTestServer.get(openBeforeUpdate)).isEqualTo("HTTP/1.1 200 OK");
      assertThat(TlsTestServer.peerSerial(openBeforeUpdate)).isEqualTo(serial(first));
      await().atMost(PATIENCE).until(() -> !servingLines(logs).isEmpty());
      assertThat(servingLines(logs))
          .singleElement()
          .asString()
          .contains(serial(second).toString(16));
    }
    assertThat(source.notAfter()).contains(second.certificate().getNotAfter().toInstant());
  }

  @Test
  void a_truncated_update_is_logged_and_the_old_certificate_stays() throws Exception {
    IssuedCertificate first = issue();
    IssuedCertificate second = issue();
    SecretVolume volume = volumeWith(first);
    startServing(volume, Clock.systemUTC());
    String truncated = second.certificatePem().substring(0, 200);

    try (CapturedLogs logs = new CapturedLogs(FileCertificateSource.class)) {
      volume.publish(truncated, second.privateKeyPem());

      await()
          .atMost(PATIENCE)
          .untilAsserted(
              () ->
                  assertThat(logs.errors())
                      .singleElement()
                      .asString()
                      .contains(volume.certificateFile() + ": malformed or truncated PEM")
                      .contains("still serving")
                      .contains(serial(first).toString(16)));
      assertThat(servingLines(logs)).isEmpty();
    }
    assertThat(server.servedSerial(caCertificate())).isEqualTo(serial(first));
    assertThat(source.isReady()).isTrue();

    volume.publish(second.certificatePem(), second.privateKeyPem());

    await()
        .atMost(PATIENCE)
        .until(() -> server.servedSerial(caCertificate()), serial(second)::equals);
  }

  @Test
  void a_key_that_does_not_match_prevents_the_start() throws Exception {
    IssuedCertificate first = issue();
    SecretVolume volume = SecretVolume.create(dir, first.certificatePem(), issue().privateKeyPem());
    source =
        new FileCertificateSource(
            volume.certificateFile(), volume.keyFile(), POLL, Clock.systemUTC());

    assertThatThrownBy(source::start)
        .isInstanceOf(TlsMaterialException.class)
        .hasMessageContaining("private key does not match the certificate");
    assertThat(source.isReady()).isFalse();
    assertThat(source.notAfter()).isEmpty();
  }

  @Test
  void readiness_ends_when_the_served_certificate_expires() throws Exception {
    IssuedCertificate first = issue();
    SecretVolume volume = volumeWith(first);
    MutableClock clock = new MutableClock(Instant.now());
    source = new FileCertificateSource(volume.certificateFile(), volume.keyFile(), POLL, clock);
    source.start();
    assertThat(source.isReady()).isTrue();

    clock.advance(Duration.ofDays(8));

    assertThat(source.isReady()).isFalse();
  }

  private void startServing(SecretVolume volume, Clock clock) throws Exception {
    source = new FileCertificateSource(volume.certificateFile(), volume.keyFile(), POLL, clock);
    source.start();
    server = new TlsTestServer(source);
  }

  /** What an operator sees of each certificate the source starts serving. */
  private static List<String> servingLines(CapturedLogs logs) {
    return logs.messages().stream()
        .filter(line -> line.startsWith("Serving TLS certificate"))
        .toList();
  }

  private SecretVolume volumeWith(IssuedCertificate issued) throws Exception {
    return SecretVolume.create(dir, issued.certificatePem(), issued.privateKeyPem());
  }

  private IssuedCertificate issue() {
    return Loopback.servingCertificate(authority, Duration.ofDays(7));
  }

  private X509Certificate caCertificate() {
    return authority.root().certificate();
  }

  private static BigInteger serial(IssuedCertificate issued) {
    return issued.certificate().getSerialNumber();
  }
}
