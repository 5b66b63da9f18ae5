package com.tanhdev.pullsecret.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A {@link LoadTargetMain} in its own JVM: started with the given flags, watched through {@code
 * /proc} (resident memory, CPU time) and its health port, stalled on request.
 */
final class ServerProcess implements AutoCloseable {

  private final Process process;
  private final long startNanos;
  private final Path portsFile;
  private final Path log;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Properties ports;

  private ServerProcess(Process process, long startNanos, Path portsFile, Path log) {
    this.process = process;
    this.startNanos = startNanos;
    this.portsFile = portsFile;
    this.log = log;
  }

  /** Starts {@code mode} ({@code webhook} or {@code noop}); its output goes to {@code name.log}. */
  static ServerProcess start(ServerLaunch launch, String mode, String name) throws IOException {
    Path portsFile = launch.workDir().resolve(name + ".ports");
    Files.deleteIfExists(portsFile);
    List<String> command = new ArrayList<>();
    command.add(launch.java());
    command.addAll(launch.jvmFlags());
    command.addAll(List.of("-cp", launch.classpath(), LoadTargetMain.class.getName(), mode));
    command.addAll(
        List.of(launch.tlsDir().toString(), portsFile.toString(), launch.apiServerUrl()));
    return start(command, System.getenv(), portsFile, launch.workDir().resolve(name + ".log"));
  }

  /**
   * Starts {@code command} with {@code env} as its whole environment; its output goes to {@code
   * log}, and it is ready once {@code portsFile} exists and its health port answers.
   */
  static ServerProcess start(
      List<String> command, Map<String, String> env, Path portsFile, Path log) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    long start = System.nanoTime();
    return new ServerProcess(builder.start(), start, portsFile, log);
  }

  long pid() {
    return process.pid();
  }

  /** Waits until {@code /readyz} answers 200 and returns the time since the process was started. */
  Duration awaitReady(Duration limit) throws IOException, InterruptedException {
    long giveUp = startNanos + limit.toNanos();
    while (!Files.exists(portsFile)) {
      checkAlive(giveUp);
      Thread.sleep(2);
    }
    ports = new Properties();
    try (var reader = Files.newBufferedReader(portsFile)) {
      ports.load(reader);
    }
    URI readyz = URI.create("http://127.0.0.1:" + ports.getProperty("health") + "/readyz");
    while (true) {
      checkAlive(giveUp);
      try {
        if (http.send(HttpRequest.newBuilder(readyz).build(), BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return Duration.ofNanos(System.nanoTime() - startNanos);
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(2);
    }
  }

  InetSocketAddress webhookAddress() {
    return new InetSocketAddress("127.0.0.1", Integer.parseInt(ports.getProperty("webhook")));
  }

  /** Resident memory now and at its peak, in KiB, from {@code /proc/PID/status}. */
  Memory memory() throws IOException {
    return ProcessMeter.memory(process.pid());
  }

  /** User plus system CPU time used so far; zero once the process is gone. */
  Duration cpuTime() throws IOException {
    return process.isAlive() ? ProcessMeter.cpuTime(process.pid()) : Duration.ZERO;
  }

  String metrics() throws IOException, InterruptedException {
    URI uri = URI.create("http://127.0.0.1:" + ports.getProperty("health") + "/metrics");
    return http.send(HttpRequest.newBuilder(uri).build(), BodyHandlers.ofString()).body();
  }

  /** Makes every secret lookup that starts in the next {@code pause} wait for its end. */
  void stallLookups(Duration pause) {
    URI uri =
        URI.create(
            "http://127.0.0.1:"
                + ports.getProperty("control")
                + "/stall?millis="
                + pause.toMillis());
    try {
      http.send(
          HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build(),
          BodyHandlers.discarding());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException("could not stall the server", e);
    }
  }

  /** Stops the whole process for {@code pause} (SIGSTOP, SIGCONT), like a long GC pause. */
  void freeze(Duration pause) {
    try {
      signal("STOP");
      Thread.sleep(pause.toMillis());
      signal("CONT");
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException("could not freeze the server", e);
    }
  }

  /** The messages of the server's log lines that contain {@code text}. */
  List<String> logMessages(String text) throws IOException {
    return Files.readAllLines(log).stream()
        .filter(line -> line.contains(text))
        .map(line -> line.replaceAll(".*\"message\":\"([^\"]*)\".*", "$1"))
        .toList();
  }

  /** Fails with the server's last words if it has exited (for example on OutOfMemoryError). */
  void requireAlive() throws IOException {
    if (!process.isAlive()) {
      List<String> lines = Files.readAllLines(log);
      String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
      throw new IllegalStateException(
          "the server exited with status " + process.exitValue() + ": " + last);
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }

  private void signal(String name) throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
        .inheritIO()
        .start()
        .waitFor(5, TimeUnit.SECONDS);
  }

  private void checkAlive(long giveUpNanos) {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          "the server exited with " + process.exitValue() + "; see its log");
    }
    if (System.nanoTime() > giveUpNanos) {
      throw new IllegalStateException("the server did not become ready in time");
    }
  }

  /**
   * Resident set size now and at its peak, in KiB, and the current one split into anonymous memory
   * (heap, metaspace, code, stacks, malloc) and mapped files (the JDK's module image, the class
   * data archive), which the kernel can drop and read again under memory pressure.
   */
  record Memory(long rssKib, long peakKib, long anonymousKib, long fileKib) {

    String describe() {
      return "%s (%s anonymous, %s mapped files)"
          .formatted(mib(rssKib), mib(anonymousKib), mib(fileKib));
    }

    static String mib(long kib) {
      return "%.1f MiB".formatted(kib / 1024.0);
    }
  }
}
