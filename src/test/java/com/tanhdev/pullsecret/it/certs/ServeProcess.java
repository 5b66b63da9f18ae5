package com.tanhdev.pullsecret.it.certs;

import com.tanhdev.pullsecret.cli.Main;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code serve --config FILE} as a container does: a JVM of its own, on this test run's
 * classpath, without the {@code PULLSECRET_*} variables of the test environment.
 */
final class ServeProcess {

  /** How the process ended: its exit code and what it printed on stderr. */
  record Outcome(int exitCode, String stderr) {}

  // A refusal comes after the JVM start and the config load, in a second or two.
  private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);

  private ServeProcess() {}

  static Outcome run(Path configFile, Path workDir) throws Exception {
    Path stdout = workDir.resolve("serve.out");
    Path stderr = workDir.resolve("serve.err");
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    Main.class.getName(),
                    "serve",
                    "--config",
                    configFile.toString()))
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("PULLSECRET_"));
    Process process = builder.start();
    try {
      if (!process.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        throw new AssertionError(
            "serve was still running after "
                + EXIT_TIMEOUT.toSeconds()
                + " s; stdout:\n"
                + Files.readString(stdout, StandardCharsets.UTF_8));
      }
      return new Outcome(process.exitValue(), Files.readString(stderr, StandardCharsets.UTF_8));
    } finally {
      process.destroyForcibly();
    }
  }
}
