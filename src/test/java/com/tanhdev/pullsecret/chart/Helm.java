package com.tanhdev.pullsecret.chart;

import com.tanhdev.pullsecret.testing.ProcessRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs the helm binary named by {@code PULLSECRET_HELM}, one process per call. */
public final class Helm {

  static final String BINARY_VARIABLE = "PULLSECRET_HELM";

  // Generous: a cold helm renders in well under a second, but CI machines can stall.
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final Path binary;

  private Helm(Path binary) {
    this.binary = binary;
  }

  /**
   * Finds helm from the system property or environment variable {@code PULLSECRET_HELM}. A missing
   * binary fails the test instead of skipping it: skipped chart tests would let a broken chart
   * through unnoticed.
   */
  public static Helm fromEnvironment() {
    String configured = System.getProperty(BINARY_VARIABLE, System.getenv(BINARY_VARIABLE));
    if (configured == null || configured.isBlank()) {
      throw new IllegalStateException(
          BINARY_VARIABLE
              + " is not set. The chart tests need a helm binary: run"
              + " `export PULLSECRET_HELM=$(scripts/helm.sh | tail -1)` before `mvn test`.");
    }
    Path binary = Path.of(configured);
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException(
          BINARY_VARIABLE
              + "="
              + configured
              + " is not an executable file. Run scripts/helm.sh to install helm.");
    }
    return new Helm(binary);
  }

  public Result run(List<String> arguments) {
    return run(arguments, TIMEOUT);
  }

  /** For commands that wait on a cluster, such as {@code helm install --wait}. */
  public Result run(List<String> arguments, Duration timeout) {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(arguments);
    ProcessRun run = ProcessRun.of(command, null, timeout);
    return new Result(run.exitCode(), run.stdout(), run.stderr());
  }

  /** What one helm invocation printed, and how it ended. */
  public record Result(int exitCode, String stdout, String stderr) {

    public boolean succeeded() {
      return exitCode == 0;
    }

    public String describe() {
      return "helm exited with " + exitCode + "\nstderr:\n" + stderr + "\nstdout:\n" + stdout;
    }
  }
}
