package com.tanhdev.pullsecret.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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

  record Result(int exitCode, String out, String err) {
    List<String> outLines() {
      return out.lines().toList();
    }
  }

  private CheckRun() {}

  static Result run(Map<String, String> env, String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        new CheckCommand(env)
            .run(
                List.of(args),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Result run(String stdin, String... args) {
    return run(Map.of(), stdin, args);
  }

  /** Runs {@code strip} the same way. */
  static Result strip(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        new StripCommand(Map.of())
            .run(
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
