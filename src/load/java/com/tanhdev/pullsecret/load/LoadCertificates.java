package com.tanhdev.pullsecret.load;

import com.tanhdev.pullsecret.pki.CertificateAuthority;
import com.tanhdev.pullsecret.pki.IssuedCertificate;
import com.tanhdev.pullsecret.pki.KeyAlgorithm;
import com.tanhdev.pullsecret.pki.SubjectAlternativeNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A throwaway CA and the servers' loopback certificate, written to {@code tls/} ({@code tls.crt},
 * {@code tls.key}, {@code ca.crt}) for the servers under load, and a client that trusts the CA.
 *
 * @param tlsDir the directory the servers read their certificate from
 * @param caFile the CA certificate, for generators outside this JVM (vegeta)
 * @param serving the servers' certificate
 * @param root the CA's own certificate
 * @param client the generator's TLS client
 */
record LoadCertificates(
    Path tlsDir, Path caFile, IssuedCertificate serving, IssuedCertificate root, TlsClient client) {

  static LoadCertificates write(Path workDir, KeyAlgorithm key)
      throws IOException, GeneralSecurityException {
    CertificateAuthority authority =
        CertificateAuthority.create(
            "pullsecret-webhook load test CA", key, Duration.ofDays(1), Clock.systemUTC());
    IssuedCertificate serving =
        authority.issueServingCertificate(
            new SubjectAlternativeNames(List.of("localhost"), List.of("127.0.0.1")),
            key,
            Duration.ofDays(1));
    Path tlsDir = Files.createDirectories(workDir.resolve("tls"));
    Files.writeString(tlsDir.resolve("tls.crt"), serving.certificatePem());
    Files.writeString(tlsDir.resolve("tls.key"), serving.privateKeyPem());
    Path caFile = tlsDir.resolve("ca.crt");
    Files.writeString(caFile, authority.root().certificatePem());
    return new LoadCertificates(
        tlsDir,
        caFile,
        serving,
        authority.root(),
        new TlsClient(authority.root().certificatePem()));
  }
}
