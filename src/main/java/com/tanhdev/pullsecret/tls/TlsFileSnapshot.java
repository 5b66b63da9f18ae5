package com.tanhdev.pullsecret.tls;

import com.tanhdev.pullsecret.pki.PemFiles;
import com.tanhdev.pullsecret.pki.TlsMaterialException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;

/**
 * The bytes of the certificate and key files as read in one poll, compared by content: bytes, not
 * timestamps, because a symlink swap can bring back files with old modification times.
 */
record TlsFileSnapshot(byte[] certificate, byte[] key) {

  private static final int ATTEMPTS = 3;

  /**
   * Reads the certificate again after the key, so that a pair read across a volume update (old
   * certificate, new key) is read again instead of being reported as a mismatch.
   */
  static TlsFileSnapshot read(Path certificateFile, Path keyFile) throws TlsMaterialException {
    byte[] certificate = PemFiles.readBytes(certificateFile);
    byte[] key = PemFiles.readBytes(keyFile);
    for (int attempt = 1; attempt < ATTEMPTS; attempt++) {
      byte[] certificateAgain = PemFiles.readBytes(certificateFile);
      if (Arrays.equals(certificate, certificateAgain)) {
        break;
      }
      certificate = certificateAgain;
      key = PemFiles.readBytes(keyFile);
    }
    return new TlsFileSnapshot(certificate, key);
  }

  TlsMaterial parse(Path certificateFile, Path keyFile, Instant now) throws TlsMaterialException {
    return TlsMaterial.fromPem(
        certificateFile.toString(), certificate, keyFile.toString(), key, now);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TlsFileSnapshot that
        && Arrays.equals(certificate, that.certificate)
        && Arrays.equals(key, that.key);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(certificate) + Arrays.hashCode(key);
  }

  @Override
  public String toString() {
    return "TlsFileSnapshot[" + certificate.length + " + " + key.length + " bytes]";
  }
}
