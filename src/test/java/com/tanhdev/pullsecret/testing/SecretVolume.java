package com.tanhdev.pullsecret.testing;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A directory laid out the way the kubelet lays out a Secret volume: {@code tls.crt -> ..data/
 * tls.crt}, {@code ..data -> ..<timestamp>}, and an update that writes a new timestamped directory
 * and re-points {@code ..data} with one atomic rename.
 */
public final class SecretVolume {

  private final Path root;
  private int generation;

  private SecretVolume(Path root) {
    this.root = root;
  }

  public static SecretVolume create(Path root, String certificatePem, String keyPem)
      throws IOException {
    SecretVolume volume = new SecretVolume(root);
    volume.publish(certificatePem, keyPem);
    Files.createSymbolicLink(root.resolve("tls.crt"), Path.of("..data", "tls.crt"));
    Files.createSymbolicLink(root.resolve("tls.key"), Path.of("..data", "tls.key"));
    return volume;
  }

  public Path certificateFile() {
    return root.resolve("tls.crt");
  }

  public Path keyFile() {
    return root.resolve("tls.key");
  }

  /** Swaps in new content the way the kubelet's atomic writer does. */
  public void publish(String certificatePem, String keyPem) throws IOException {
    Path data = root.resolve("..data");
    Path previous = Files.isSymbolicLink(data) ? root.resolve(Files.readSymbolicLink(data)) : null;
    String name = String.format("..2026_03_01_10_00_00.%09d", ++generation);
    Path payload = Files.createDirectory(root.resolve(name));
    Files.writeString(payload.resolve("tls.crt"), certificatePem, US_ASCII);
    Files.writeString(payload.resolve("tls.key"), keyPem, US_ASCII);
    Path temporaryLink = Files.createSymbolicLink(root.resolve("..data_tmp"), Path.of(name));
    Files.move(temporaryLink, data, StandardCopyOption.ATOMIC_MOVE);
    if (previous != null) {
      deleteDirectory(previous);
    }
  }

  private static void deleteDirectory(Path directory) throws IOException {
    try (var files = Files.list(directory)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    Files.delete(directory);
  }
}
