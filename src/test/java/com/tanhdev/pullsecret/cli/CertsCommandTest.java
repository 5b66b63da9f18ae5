package com.tanhdev.pullsecret.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tanhdev.pullsecret.pki.PemCodec;
import com.tanhdev.pullsecret.testing.TlsFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CertsCommandTest {

  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private static final int DNS = 2;
  private static final int IP = 7;

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final CertsCommand command = new CertsCommand(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void writes_a_ca_and_a_serving_certificate_for_the_default_service() throws Exception {
    Path certs = dir.resolve("certs");

    assertThat(run("--out", certs.toString())).isZero();

    assertThat(outLines())
        .containsSubsequence(
            "wrote " + certs.resolve("ca.crt"),
            "wrote " + certs.resolve("ca.key"),
            "wrote " + certs.resolve("tls.crt"),
            "wrote " + certs.resolve("tls.key"));
    X509Certificate serving = TlsFiles.certificates(certs.resolve("tls.crt")).get(0);
    assertThat(serving.getSubjectAlternativeNames())
        .containsExactly(
            List.of(DNS, "pullsecret-webhook"),
            List.of(DNS, "pullsecret-webhook.pullsecret-webhook"),
            List.of(DNS, "pullsecret-webhook.pullsecret-webhook.svc"),
            List.of(DNS, "pullsecret-webhook.pullsecret-webhook.svc.cluster.local"));
    assertThat(serving.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(365)));
    X509Certificate ca = TlsFiles.certificates(certs.resolve("ca.crt")).get(0);
    assertThat(ca.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(3650)));
    serving.verify(ca.getPublicKey());
    TlsFiles.material(certs.resolve("tls.crt"), certs.resolve("tls.key"), NOW);
    TlsFiles.material(certs.resolve("ca.crt"), certs.resolve("ca.key"), NOW);
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void key_files_are_readable_by_their_owner_only() throws Exception {
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));

    assertThat(run("--out", dir.toString())).isZero();

    for (String key : List.of("ca.key", "tls.key")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(key))))
          .as(key)
          .isEqualTo("rw-------");
    }
  }

  @Test
  void the_ca_bundle_line_decodes_to_the_ca_certificate() throws Exception {
    assertThat(run("--out", dir.toString())).isZero();

    String bundleLine =
        outLines().stream().filter(line -> line.startsWith("caBundle: ")).findFirst().orElseThrow();
    byte[] pem = Base64.getDecoder().decode(bundleLine.substring("caBundle: ".length()));
    assertThat(PemCodec.decodeCertificates("caBundle", pem))
        .isEqualTo(TlsFiles.certificates(dir.resolve("ca.crt")));
  }

  @Test
  void extra_names_and_another_service_are_added_to_the_certificate() throws Exception {
    int exit =
        runInto(
            dir,
            "--service hook --namespace=infra --dns hook.example.com --dns localhost"
                + " --ip 127.0.0.1 --ip 10.0.0.7");

    assertThat(exit).isZero();
    X509Certificate serving = TlsFiles.certificates(dir.resolve("tls.crt")).get(0);
    assertThat(serving.getSubjectAlternativeNames())
        .containsExactly(
            List.of(DNS, "hook"),
            List.of(DNS, "hook.infra"),
            List.of(DNS, "hook.infra.svc"),
            List.of(DNS, "hook.infra.svc.cluster.local"),
            List.of(DNS, "hook.example.com"),
            List.of(DNS, "localhost"),
            List.of(IP, "127.0.0.1"),
            List.of(IP, "10.0.0.7"));
  }

  @Test
  void key_type_and_validity_are_honoured() throws Exception {
    assertThat(runInto(dir, "--key-type rsa-2048 --validity-days 30")).isZero();

    assertThat(TlsFiles.privateKey(dir.resolve("tls.key")))
        .isInstanceOfSatisfying(
            RSAPrivateKey.class, key -> assertThat(key.getModulus().bitLength()).isEqualTo(2048));
    assertThat(TlsFiles.certificates(dir.resolve("tls.crt")).get(0).getNotAfter().toInstant())
        .isEqualTo(NOW.plus(Duration.ofDays(30)));
  }

  @Test
  void existing_files_are_kept_unless_forced() throws Exception {
    assertThat(run("--out", dir.toString())).isZero();
    byte[] firstKey = Files.readAllBytes(dir.resolve("tls.key"));
    out.reset();

    assertThat(run("--out", dir.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("refusing to overwrite").contains("--force");
    assertThat(Files.readAllBytes(dir.resolve("tls.key"))).isEqualTo(firstKey);
    assertThat(out.toString()).isEmpty();

    assertThat(run("--out", dir.toString(), "--force")).isZero();
    assertThat(Files.readAllBytes(dir.resolve("tls.key"))).isNotEqualTo(firstKey);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--bogus | unknown option '--bogus'",
        "--key-type dsa-1024 | --key-type must be one of ec-p256|rsa-2048|rsa-3072, got 'dsa-1024'",
        "--validity-days 0 | --validity-days must be a whole number from 1 to 3650, got '0'",
        "--validity-days soon | --validity-days must be a whole number from 1 to 3650",
        "--ip 10.0.0.300 | not a valid IP address: '10.0.0.300'",
        "--dns under_score.example | not a valid DNS name: 'under_score.example'",
        "--service Web | --service must be a lower-case DNS label",
        "--out | --out needs a value",
      })
  void bad_input_exits_2_with_a_clear_message(String arguments, String message) {
    Path never = dir.resolve("never");

    assertThat(runInto(never, arguments)).isEqualTo(2);

    assertThat(err.toString()).startsWith("certs: " + message).contains("--help");
    assertThat(never).doesNotExist();
  }

  @Test
  void help_describes_every_option() {
    assertThat(run("--help")).isZero();

    assertThat(out.toString())
        .startsWith("Usage: certs")
        .contains("--service", "--namespace", "--dns", "--ip", "--key-type", "--validity-days")
        .contains("--out", "--force", "3650");
  }

  private int run(String... args) {
    return command.run(List.of(args), print(out), print(err));
  }

  /** Runs with space-separated options, writing into the given directory. */
  private int runInto(Path out, String options) {
    List<String> args = new ArrayList<>(List.of("--out", out.toString()));
    args.addAll(List.of(options.split(" ")));
    return command.run(args, print(this.out), print(err));
  }

  private List<String> outLines() {
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private static PrintStream print(ByteArrayOutputStream buffer) {
    return new PrintStream(buffer, true, StandardCharsets.UTF_8);
  }
}
