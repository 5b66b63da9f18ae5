package com.tanhdev.pullsecret.testing;

import com.tanhdev.pullsecret.pki.PemCodec;
import com.tanhdev.pullsecret.pki.PemFiles;
import com.tanhdev.pullsecret.pki.TlsMaterialException;
import com.tanhdev.pullsecret.tls.TlsMaterial;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/** Reads back the PEM files a test or a command wrote, with the production decoders and checks. */
public final class TlsFiles {

  private TlsFiles() {}

  public static List<X509Certificate> certificates(Path file) throws TlsMaterialException {
    return PemCodec.decodeCertificates(file.toString(), PemFiles.readBytes(file));
  }

  public static PrivateKey privateKey(Path file) throws TlsMaterialException {
    return PemCodec.decodePrivateKey(file.toString(), PemFiles.readBytes(file));
  }

  /** Both files, checked as the webhook checks what it is about to serve. */
  public static TlsMaterial material(Path certificateFile, Path keyFile, Instant now)
      throws TlsMaterialException {
    return TlsMaterial.fromPem(
        certificateFile.toString(),
        PemFiles.readBytes(certificateFile),
        keyFile.toString(),
        PemFiles.readBytes(keyFile),
        now);
  }
}
