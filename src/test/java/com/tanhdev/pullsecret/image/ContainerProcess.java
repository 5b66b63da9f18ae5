package com.tanhdev.pullsecret.image;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The image's command running as a local process with only the environment a container would give
 * it. Its stdout and stderr are read as they come, as the kubelet does, so a chatty process never
 * blocks on a full pipe. It is killed on {@link #close()}, or by a shutdown hook if the test JVM is
 * stopped first.
 */
public final class ContainerProcess implements AutoCloseable {

  private static final Duration KILL_WAIT = Duration.ofSeconds(10);

  private final Process process;
  private final Thread killOnJvmExit;
  private final Thread stdoutReader;
  private final Thread stderrReader;
  private final List<String> stdout = new CopyOnWriteArrayList<>();
  private final List<String> stderr = new CopyOnWriteArrayList<>();

  private ContainerProcess(Process process) {
    this.process = process;
    this.killOnJvmExit = new Thread(process::destroyForcibly, "kill-" + process.pid());
    this.stdoutReader = reader(process.getInputStream(), stdout, "stdout");
    this.stderrReader = reader(process.getErrorStream(), stderr, "stderr");
  }

  /** Starts {@code command} with exactly {@code env}: nothing leaks in from the test JVM. */
  static ContainerProcess start(List<String> command, Map<String, String> env, Path workDir) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    try {
      ContainerProcess started = new ContainerProcess(builder.start());
      Runtime.getRuntime().addShutdownHook(started.killOnJvmExit);
      started.stdoutReader.start();
      started.stderrReader.start();
      return started;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
  }

  public long pid() {
    return process.pid();
  }

  /**
   * A line of the kernel's memory accounting of the process, in KiB: {@code VmHWM} is the peak
   * resident set since it started, {@code VmRSS} the current one.
   */
  public long memoryKib(String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IOException("no " + field + " for process " + pid());
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The stdout lines so far. */
  public List<String> stdoutLines() {
    return List.copyOf(stdout);
  }

  public String stderr() {
    return String.join("\n", stderr);
  }

  /**
   * Sends SIGTERM, what the kubelet sends a container's main process when the pod stops. Through
   * the handle, because {@link Process#destroy()} also closes the pipes, and with them whatever the
   * process logs while it shuts down.
   */
  public void terminate() {
    if (!process.toHandle().destroy()) {
      throw new IllegalStateException("cannot send SIGTERM to " + process.pid());
    }
  }

  /** Sends SIGKILL: the process ends at once, with no shutdown of its own (OOM kill, node loss). */
  public void kill() {
    process.toHandle().destroyForcibly();
  }

  /** Whether the process has exited within {@code timeout}. */
  public boolean exitsWithin(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Waits for the exit and for the last output lines, and returns the exit code.
   *
   * @throws AssertionError if the process is still running after {@code timeout}
   */
  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(
          "still running " + timeout.toSeconds() + " s later; stderr:\n" + stderr());
    }
    stdoutReader.join(KILL_WAIT.toMillis());
    stderrReader.join(KILL_WAIT.toMillis());
    return process.exitValue();
  }

  /** Whatever the test did: the process is gone when this returns. */
  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killOnJvmExit);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or has run; the process is being killed either way.
    }
  }

  private Thread reader(InputStream stream, List<String> lines, String name) {
    Thread thread =
        new Thread(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                reader.lines().forEach(lines::add);
              } catch (IOException | UncheckedIOException closed) {
                // The process is gone; what it wrote before is kept.
              }
            },
            name + "-" + process.pid());
    thread.setDaemon(true);
    return thread;
  }
}
