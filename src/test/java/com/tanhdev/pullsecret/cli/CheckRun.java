package com.tanhdev.pullsecret.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code check} (and {@code strip}) as a pipeline would: arguments, stdin and files in; exit
 * code and output out.
 */
final class CheckRun {

  static final String WORKER_FINDING =
      "-:86: Deployment payment-dev/payment-worker container worker pulls"
          + " registry-api.tanhdev.com/payment/worker:2.3.0 but imagePullSecrets lacks"
          + " registry-api-tanhdev";
  static final String MIGRATE_FINDING =
      "-:132: Job payment-dev/payment-db-migrate container migrate pulls"
          + " registry-api.tanhdev.com/payment/migrate:2.3.0 but imagePullSecrets lacks"
          + " registry-api-tanhdev";

  /** A config file with a second rule, whose secret only harbor images need. */
  static final String TWO_RULES =
      """
      rules:
        - registry: registry-api.tanhdev.com
          secret: registry-api-tanhdev
        - registry: harbor.tanhdev.internal:8443
          secret: harbor-robot
      """;

  record Result(int exitCode, String out, String err) {
    List<String> outLines() {
      return out.lines().toList();
    }
  }

  private CheckRun() {}

  static Result run(Map<String, String> env, String stdin, String... args) {
    return capture(new CheckCommand(env)::run, stdin, args);
  }

  static Result run(String stdin, String... args) {
    return run(Map.of(), stdin, args);
  }

  /** Runs {@code strip} the same way. */
  static Result strip(String stdin, String... args) {
    return capture(new StripCommand(Map.of())::run, stdin, args);
  }

  /** How {@code check} and {@code strip} run: arguments, stdin, stdout, stderr; an exit code. */
  private interface Pipeline {
    int run(List<String> args, InputStream in, PrintStream out, PrintStream err);
  }

  private static Result capture(Pipeline command, String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        command.run(
            List.of(args),
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Path write(Path dir, String relative, String content) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }
}
