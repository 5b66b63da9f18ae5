package com.tanhdev.pullsecret.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tanhdev.pullsecret.testing.TlsFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemFilesTest {

  @TempDir Path dir;

  private final CertificateAuthority authority =
      CertificateAuthority.create(
          "test CA", KeyAlgorithm.EC_P256, Duration.ofDays(10), Clock.systemUTC());
  private final IssuedCertificate issued =
      authority.issueServingCertificate(
          SubjectAlternativeNames.of("a.example"), KeyAlgorithm.EC_P256, Duration.ofDays(1));

  @BeforeEach
  void onlyWherePermissionsExist() {
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
  }

  @Test
  void a_private_key_is_readable_by_its_owner_only() throws Exception {
    Path key = dir.resolve("tls.key");

    PemFiles.writePrivateKey(key, issued.key());

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
    assertThat(TlsFiles.privateKey(key)).isEqualTo(issued.key());
  }

  @Test
  void replacing_a_world_readable_file_with_a_key_makes_it_private() throws Exception {
    Path key = Files.writeString(dir.resolve("tls.key"), "old");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-rw-rw-"));

    PemFiles.writePrivateKey(key, issued.key());

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
  }

  @Test
  void a_certificate_chain_is_world_readable_and_reads_back_in_order() throws Exception {
    Path chain = dir.resolve("nested/tls.crt");
    List<X509Certificate> certificates =
        List.of(issued.certificate(), authority.root().certificate());

    PemFiles.writeCertificates(chain, certificates);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(chain)))
        .isEqualTo("rw-r--r--");
    assertThat(TlsFiles.certificates(chain)).isEqualTo(certificates);
    try (var entries = Files.list(chain.getParent())) {
      assertThat(entries).as("no temporary file left behind").containsExactly(chain);
    }
  }
}
