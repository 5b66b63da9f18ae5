package com.tanhdev.pullsecret.it.certs;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tanhdev.pullsecret.kube.ApiAnswer;
import com.tanhdev.pullsecret.kube.ControlPlane;
import com.tanhdev.pullsecret.kube.ControlPlaneExtension;
import com.tanhdev.pullsecret.pki.CertificateAuthority;
import com.tanhdev.pullsecret.pki.IssuedCertificate;
import com.tanhdev.pullsecret.testing.CapturedLogs;
import com.tanhdev.pullsecret.testing.Loopback;
import com.tanhdev.pullsecret.testing.SecretVolume;
import com.tanhdev.pullsecret.tls.FileCertificateSource;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Unusable certificate files: {@code serve} refuses to start on them, saying which file is wrong
 * and how; a running webhook that is handed them keeps serving what it had.
 */
@ExtendWith(ControlPlaneExtension.class)
class BadCertificateMaterialTest {

  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @TempDir Path dir;

  private final CertificateAuthority ca =
      Loopback.authority("bad material CA", Duration.ofDays(30));

  @ParameterizedTest
  @EnumSource(BadMaterial.class)
  void serve_refuses_to_start_with_exit_code_2_naming_the_file_and_the_problem(BadMaterial bad)
      throws Exception {
    Path certificateFile = dir.resolve("tls.crt");
    Path keyFile = dir.resolve("tls.key");
    BadMaterial.Pem files = bad.files(ca);
    Files.writeString(certificateFile, files.certificate(), US_ASCII);
    Files.writeString(keyFile, files.key(), US_ASCII);
    Path config = dir.resolve("config.yaml");
    Files.writeString(
        config,
        """
        server:
          host: 127.0.0.1
          port: 0
          healthPort: 0
          tlsCertFile: "%s"
          tlsKeyFile: "%s"
        """
            .formatted(certificateFile, keyFile));

    ServeProcess.Outcome outcome = ServeProcess.run(config, dir);

    assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(2);
    assertThat(outcome.stderr())
        .contains(
            "pullsecret-webhook: refusing to start: " + bad.problem(certificateFile, keyFile));
  }

  @Test
  void bad_files_swapped_in_while_serving_keep_the_old_certificate_and_admissions_working(
      ControlPlane plane) throws Exception {
    try (WebhookScenario scenario = new WebhookScenario(plane, "bad-swap");
        CapturedLogs logs = new CapturedLogs(FileCertificateSource.class)) {
      IssuedCertificate good = BadMaterial.issue(ca, Clock.systemUTC());
      SecretVolume volume = SecretVolume.create(dir, good.certificatePem(), good.privateKeyPem());
      FileCertificateSource source =
          new FileCertificateSource(
              volume.certificateFile(), volume.keyFile(), POLL, Clock.systemUTC());
      LoopbackWebhook webhook = scenario.startRegistered(source, ca.root().certificatePem());

      for (BadMaterial bad : BadMaterial.values()) {
        BadMaterial.Pem files = bad.files(ca);
        volume.publish(files.certificate(), files.key());

        String rejection =
            "Rejected new TLS files: " + bad.problem(volume.certificateFile(), volume.keyFile());
        await(bad + " rejected")
            .atMost(PATIENCE)
            .until(() -> logs.errors().stream().anyMatch(line -> line.startsWith(rejection)));
        assertThat(servedSerial(webhook)).as(bad.name()).isEqualTo(serial(good));
        assertThat(source.isReady()).as(bad.name()).isTrue();
        ApiAnswer answer = scenario.createPod();
        assertThat(WebhookScenario.isInjected(answer)).as(bad + ": " + answer).isTrue();
      }

      IssuedCertificate renewed = BadMaterial.issue(ca, Clock.systemUTC());
      volume.publish(renewed.certificatePem(), renewed.privateKeyPem());
      await("good files after bad ones are served")
          .atMost(PATIENCE)
          .until(() -> servedSerial(webhook), serial(renewed)::equals);
    }
  }

  private BigInteger servedSerial(LoopbackWebhook webhook) throws Exception {
    X509Certificate trusted = ca.root().certificate();
    return ServedCertificate.fetch(webhook.port(), trusted).getSerialNumber();
  }

  private static BigInteger serial(IssuedCertificate certificate) {
    return certificate.certificate().getSerialNumber();
  }
}
