package com.tanhdev.pullsecret.image;

import com.tanhdev.pullsecret.pki.CertificateAuthority;
import com.tanhdev.pullsecret.pki.IssuedCertificate;
import com.tanhdev.pullsecret.pki.PemFiles;
import com.tanhdev.pullsecret.testing.Loopback;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A serving certificate for 127.0.0.1 in PEM files, as a Secret mounted into the container would
 * provide it, and the CA that the API server must trust for it.
 */
record LoopbackCertificate(String caPem, Path certFile, Path keyFile) {

  // Longer than any test run, short enough that a leaked file is soon worthless.
  private static final Duration VALIDITY = Duration.ofDays(1);

  static LoopbackCertificate issue(Path dir) throws IOException {
    CertificateAuthority ca = Loopback.authority("pullsecret-image-test-ca", VALIDITY);
    IssuedCertificate serving = Loopback.servingCertificate(ca, VALIDITY);
    LoopbackCertificate files =
        new LoopbackCertificate(
            ca.root().certificatePem(), dir.resolve("tls.crt"), dir.resolve("tls.key"));
    PemFiles.writeCertificates(files.certFile(), List.of(serving.certificate()));
    PemFiles.writePrivateKey(files.keyFile(), serving.key());
    return files;
  }
}
