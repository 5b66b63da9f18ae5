package com.tanhdev.pullsecret.cli;

import com.tanhdev.pullsecret.testing.ProcessRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Runs kustomize or git in a directory for the repository tests, one process per call. */
final class ExternalCommand {

  // Generous: a kustomize build or a git command takes well under a second.
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

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

  static ProcessRun run(Path directory, List<String> command) {
    return ProcessRun.of(command, directory, TIMEOUT);
  }

  /** Runs a command that must succeed and returns what it printed. */
  static String succeed(Path directory, String... command) {
    ProcessRun output = run(directory, List.of(command));
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
