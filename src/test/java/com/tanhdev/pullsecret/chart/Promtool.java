package com.tanhdev.pullsecret.chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus's own rule checker ({@code promtool check rules}), so alert expressions are parsed by
 * the PromQL parser Prometheus runs, not by a look-alike.
 */
final class Promtool {

  static final String BINARY_VARIABLE = "PULLSECRET_PROMTOOL";

  private final Path binary;

  private Promtool(Path binary) {
    this.binary = binary;
  }

  /** Like {@link Helm#fromEnvironment()}: a missing binary fails, so no check is skipped. */
  static Promtool fromEnvironment() {
    String configured = System.getProperty(BINARY_VARIABLE, System.getenv(BINARY_VARIABLE));
    if (configured == null || configured.isBlank() || !Files.isExecutable(Path.of(configured))) {
      throw new IllegalStateException(
          BINARY_VARIABLE
              + " does not name an executable promtool: run"
              + " `export PULLSECRET_PROMTOOL=$(scripts/promtool.sh | tail -1)` before `mvn test`.");
    }
    return new Promtool(Path.of(configured));
  }

  /** Checks a Prometheus rules file; returns promtool's exit code and its output. */
  Helm.Result checkRules(Path rulesFile) {
    return run("check", "rules", rulesFile.toString());
  }

  /**
   * Runs rule unit tests ({@code promtool test rules}): series in, alerts out. The rules files a
   * test file names are resolved against the test file's directory.
   */
  Helm.Result testRules(Path testFile) {
    return run("test", "rules", testFile.toString());
  }

  private Helm.Result run(String... arguments) {
    List<String> command = new ArrayList<>(List.of(binary.toString()));
    command.addAll(List.of(arguments));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("promtool did not finish within 60 s");
      }
      return new Helm.Result(process.exitValue(), output, "");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + binary, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running promtool", e);
    }
  }
}
