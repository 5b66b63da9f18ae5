package com.tanhdev.pullsecret.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

/** Reads and writes PEM files; errors name the file so an operator knows which one to fix. */
public final class PemFiles {

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> WORLD_READABLE =
      PosixFilePermissions.fromString("rw-r--r--");

  private PemFiles() {}

  /** The file's bytes, following symlinks (Kubernetes Secret volumes are symlinks). */
  public static byte[] readBytes(Path file) throws TlsMaterialException {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new TlsMaterialException(file + ": cannot be read (" + e + ")", e);
    }
  }

  /** Writes the chain readable by all: certificates are public. */
  public static void writeCertificates(Path file, List<X509Certificate> certificates)
      throws IOException {
    write(file, PemCodec.encodeCertificates(certificates), WORLD_READABLE);
  }

  /** Writes the key as PKCS#8, readable by its owner only (mode 0600). */
  public static void writePrivateKey(Path file, PrivateKey key) throws IOException {
    write(file, PemCodec.encodePrivateKey(key), OWNER_ONLY);
  }

  /**
   * Writes through a temporary file that is created with its final permissions before any byte is
   * written, so a key is never readable by others, not even for a moment, and a reader never sees
   * half a file.
   */
  private static void write(Path file, String pem, Set<PosixFilePermission> permissions)
      throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    Path temporary =
        Files.createTempFile(directory, "." + file.getFileName(), ".tmp", attributes(directory));
    try {
      Files.writeString(temporary, pem, StandardCharsets.US_ASCII);
      try {
        Files.move(
            temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
      if (supportsPosix(directory.getFileSystem())) {
        Files.setPosixFilePermissions(file, permissions);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  // Without POSIX permissions (Windows), the temporary file inherits the directory's ACL.
  private static FileAttribute<?>[] attributes(Path directory) {
    return supportsPosix(directory.getFileSystem())
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
        : new FileAttribute<?>[0];
  }

  private static boolean supportsPosix(FileSystem fileSystem) {
    return fileSystem.supportedFileAttributeViews().contains("posix");
  }
}
