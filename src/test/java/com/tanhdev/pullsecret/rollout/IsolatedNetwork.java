package com.tanhdev.pullsecret.rollout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JVM in a network namespace of its own ({@code unshare --net}): its loopback interface is up and
 * carries, besides 127.0.0.1, the addresses {@value #PREFIX}{@value #FIRST_HOST} to {@value
 * #PREFIX}{@value #LAST_HOST} (TEST-NET-1, reserved for documentation), which stand for pod
 * addresses. Nothing inside can reach the machine's network or be reached from it, and the
 * namespace ends with the last process in it.
 */
public final class IsolatedNetwork {

  static final String PREFIX = "192.0.2.";
  static final int FIRST_HOST = 11;
  static final int LAST_HOST = 250;

  // sh -e: an address that cannot be added ends the run before the JVM starts, with ip's message.
  private static final String SET_UP =
      """
      set -e
      ip link set lo up
      host=%d
      while [ "$host" -le %d ]; do
        ip address add %s"$host"/32 dev lo
        host=$((host + 1))
      done
      exec "$@"
      """
          .formatted(FIRST_HOST, LAST_HOST, PREFIX);

  private IsolatedNetwork() {}

  static String address(int host) {
    if (host < FIRST_HOST || host > LAST_HOST) {
      throw new IllegalStateException("no pod address left: " + PREFIX + host);
    }
    return PREFIX + host;
  }

  /**
   * Runs the drill ({@link RolloutDrill}, its arguments after this one's) in a new namespace, its
   * output on this process's, and exits with its exit code: what {@code scripts/rollout-drill.sh}
   * runs.
   */
  public static void main(String[] args) throws InterruptedException {
    System.exit(
        run(
            RolloutDrill.class,
            List.of(args),
            ProcessBuilder.Redirect.INHERIT,
            Duration.ofHours(1)));
  }

  /**
   * Runs {@code mainClass} with this JVM's classpath and {@code arguments} in a new namespace,
   * output to {@code output}, and returns its exit code. A run still going after {@code timeout} is
   * asked to stop (SIGTERM, so that it stops what it started), then killed.
   */
  static int run(
      Class<?> mainClass, List<String> arguments, ProcessBuilder.Redirect output, Duration timeout)
      throws InterruptedException {
    List<String> command =
        new ArrayList<>(List.of("unshare", "--net", "--", "sh", "-c", SET_UP, "isolated-network"));
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Absolute: the drill starts each pod in a directory of its own.
    Path basedir = Path.of(System.getProperty("project.basedir", ".")).toAbsolutePath();
    command.add("-Dproject.basedir=" + basedir);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
    command.addAll(arguments);
    try {
      Process process =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output).start();
      if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        return process.exitValue();
      }
      // unshare and sh exec what follows them: the process is the JVM itself.
      process.toHandle().destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      throw new IllegalStateException(
          "the run in the isolated network took longer than " + timeout.toMinutes() + " min");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command.get(0), e);
    }
  }
}
