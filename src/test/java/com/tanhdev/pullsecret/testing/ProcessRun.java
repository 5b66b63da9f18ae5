package com.tanhdev.pullsecret.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One run of an external tool (helm, kustomize, git): how it ended and what it printed. */
public record ProcessRun(int exitCode, String stdout, String stderr) {

  /**
   * Runs {@code command} in {@code directory} (null: this process's) and waits for it.
   *
   * @throws IllegalStateException when it does not finish within {@code timeout}
   */
  public static ProcessRun of(List<String> command, Path directory, Duration timeout) {
    try {
      Path stdout = Files.createTempFile("command", ".out");
      Path stderr = Files.createTempFile("command", ".err");
      try {
        // Files rather than pipes: a large output cannot block on a full pipe buffer.
        ProcessBuilder builder =
            new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        if (directory != null) {
          builder.directory(directory.toFile());
        }
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException(command + " did not finish within " + timeout);
        }
        return new ProcessRun(
            process.exitValue(),
            Files.readString(stdout, StandardCharsets.UTF_8),
            Files.readString(stderr, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(stdout);
        Files.deleteIfExists(stderr);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }
}
