package com.tanhdev.pullsecret.kube;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A control-plane binary that cannot outlive the JVM that started it, however that JVM ends.
 *
 * <p>The binary runs under a small {@code sh} watchdog whose stdin is a pipe from this JVM. Only
 * this JVM holds the pipe's write end, so the watchdog reads end-of-file exactly when the JVM
 * closes it on purpose ({@link #close()}) or when the JVM dies, even by {@code kill -9}: then it
 * sends the binary SIGTERM, and SIGKILL ten seconds later (an API server whose etcd vanished at the
 * same moment can hang in its graceful shutdown). A pipe cannot be fooled by a recycled pid, unlike
 * polling the JVM's pid. The binary's output goes to a log file, keeping test output short.
 */
final class SupervisedProcess implements AutoCloseable {

  // "$@" is the binary and its arguments. fd 3 keeps the pipe for the watcher alone: the binary
  // gets /dev/null, and a background list would get /dev/null as stdin anyway. setsid (where it
  // exists) keeps a terminal's Ctrl-C away from the binary, so that it is this JVM, shutting down,
  // that stops the API server before etcd instead of both dying at once mid-request.
  private static final String WATCHDOG =
      """
      trap '' INT
      exec 3<&0 </dev/null
      if command -v setsid >/dev/null 2>&1; then
        setsid "$@" 3<&- >&2 &
      else
        "$@" 3<&- >&2 &
      fi
      child=$!
      echo "$child"
      (
        while read -r _; do :; done
        kill -TERM "$child" 2>/dev/null
        n=0
        while kill -0 "$child" 2>/dev/null && [ "$n" -lt 10 ]; do sleep 1; n=$((n + 1)); done
        kill -KILL "$child" 2>/dev/null
      ) <&3 &
      watcher=$!
      exec 3<&-
      wait "$child"
      status=$?
      kill "$watcher" 2>/dev/null
      exit "$status"
      """;

  private static final long GRACEFUL_STOP_SECONDS = 15;

  private final String name;
  private final Process watchdog;
  private final ProcessHandle binary;
  private final Path log;

  private SupervisedProcess(String name, Process watchdog, ProcessHandle binary, Path log) {
    this.name = name;
    this.watchdog = watchdog;
    this.binary = binary;
    this.log = log;
  }

  static SupervisedProcess start(String name, Path binary, List<String> arguments, Path log) {
    return start(name, binary, arguments, Map.of(), log);
  }

  /** {@code environment}: variables added to this JVM's environment for the binary. */
  static SupervisedProcess start(
      String name, Path binary, List<String> arguments, Map<String, String> environment, Path log) {
    List<String> command = new ArrayList<>(List.of("sh", "-c", WATCHDOG, name + "-watchdog"));
    command.add(binary.toString());
    command.addAll(arguments);
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(environment);
      Process watchdog = builder.start();
      BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(watchdog.getInputStream(), StandardCharsets.US_ASCII));
      String pid = lines.readLine();
      if (pid == null) {
        throw new IllegalStateException(name + " did not start; see " + log);
      }
      ProcessHandle handle =
          ProcessHandle.of(Long.parseLong(pid.trim()))
              .orElseThrow(() -> new IllegalStateException(name + " exited at once; see " + log));
      return new SupervisedProcess(name, watchdog, handle, log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  boolean isAlive() {
    return binary.isAlive();
  }

  /** The last lines of the binary's log, for failure messages. */
  String logTail(int lineCount) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      List<String> tail = lines.subList(Math.max(0, lines.size() - lineCount), lines.size());
      return "--- last " + tail.size() + " lines of " + log + " ---\n" + String.join("\n", tail);
    } catch (IOException | UncheckedIOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }

  /** Asks the binary to stop (SIGTERM through the watchdog), then kills it if it lingers. */
  @Override
  public void close() {
    try {
      watchdog.getOutputStream().close();
    } catch (IOException ignored) {
      // The pipe is closed either way, which is all the watchdog waits for.
    }
    try {
      binary.onExit().get(GRACEFUL_STOP_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      binary.destroyForcibly();
    } catch (InterruptedException e) {
      binary.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      if (!watchdog.waitFor(GRACEFUL_STOP_SECONDS, TimeUnit.SECONDS)) {
        watchdog.destroyForcibly();
      }
    } catch (InterruptedException e) {
      watchdog.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return name + "(pid " + binary.pid() + ")";
  }
}
