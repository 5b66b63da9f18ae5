package com.tanhdev.pullsecret.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs kustomize or git in a directory for the repository tests, one process per call. */
final class ExternalCommand {

  // Generous: a kustomize build or a git command takes well under a second.
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  record Output(int exitCode, String stdout, String stderr) {}

  private ExternalCommand() {}

  /**
   * The kustomize binary named by {@code PULLSECRET_KUSTOMIZE}. Missing, it fails the test rather
   * than skipping it: a skipped test would let a broken migration through unnoticed.
   */
  static String kustomize() {
    String configured =
        System.getProperty("PULLSECRET_KUSTOMIZE", System.getenv("PULLSECRET_KUSTOMIZE"));
    if (configured == null || configured.isBlank() || !Files.isExecutable(Path.of(configured))) {
      throw new IllegalStateException(
          "PULLSECRET_KUSTOMIZE does not name a kustomize binary: run"
              + " `export PULLSECRET_KUSTOMIZE=$(scripts/kustomize.sh | tail -1)` before `mvn test`.");
    }
    return configured;
  }

  static Output run(Path directory, List<String> command) {
    try {
      Path stdout = Files.createTempFile("command", ".out");
      Path stderr = Files.createTempFile("command", ".err");
      try {
        // Files rather than pipes: a large build cannot block on a full pipe buffer.
        Process process =
            new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException(command + " did not finish within " + TIMEOUT);
        }
        return new Output(
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

  /** Runs a command that must succeed and returns what it printed. */
  static String succeed(Path directory, String... command) {
    Output output = run(directory, List.of(command));
    if (output.exitCode() != 0) {
      throw new IllegalStateException(
          String.join(" ", command)
              + " exited with "
              + output.exitCode()
              + ":\n"
              + output.stderr());
    }
    return output.stdout();
  }
}
