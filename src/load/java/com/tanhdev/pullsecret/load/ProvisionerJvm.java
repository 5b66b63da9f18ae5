package com.tanhdev.pullsecret.load;

import com.tanhdev.pullsecret.load.ServerProcess.Memory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The provisioner as its container runs it: the Dockerfile's ENTRYPOINT (the image's JVM flags)
 * with the chart's arguments {@code provision --config FILE}, on the shaded jar, finding the API
 * server through a kubeconfig. Watched through {@code /proc} and its health port.
 */
final class ProvisionerJvm implements AutoCloseable {

  /** SerialGC's generations in GC.heap_info: "DefNew total 29504K, used 23448K [...". */
  private static final Pattern GENERATION_USED =
      Pattern.compile("^(?:DefNew|Tenured) +total \\d+K, used (\\d+)K");

  private static final String CONFIG_IN_IMAGE = "/etc/pullsecret-webhook/config.yaml";

  private final Process process;
  private final long startNanos;
  private final int healthPort;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private ProvisionerJvm(Process process, long startNanos, int healthPort) {
    this.process = process;
    this.startNanos = startNanos;
    this.healthPort = healthPort;
  }

  /**
   * Starts it with {@code java} and {@code jar} in place of the image's, {@code configFile} as its
   * config (serving health on {@code healthPort}) and {@code env} as its whole environment; its
   * output goes to {@code log}.
   */
  static ProvisionerJvm start(
      Path java, Path jar, Path configFile, int healthPort, Map<String, String> env, Path log)
      throws IOException {
    List<String> command =
        ImageCommand.of(
            java,
            jar,
            List.of("provision", "--config", CONFIG_IN_IMAGE),
            Map.of(CONFIG_IN_IMAGE, configFile));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    long start = System.nanoTime();
    ProvisionerJvm jvm = new ProvisionerJvm(builder.start(), start, healthPort);
    Runtime.getRuntime().addShutdownHook(new Thread(jvm.process::destroyForcibly));
    return jvm;
  }

  /** Waits until it holds the Lease and its caches have synced; returns the time since start. */
  Duration awaitLeading(Duration limit) throws IOException, InterruptedException {
    long giveUp = startNanos + limit.toNanos();
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the provisioner exited with " + process.exitValue());
      }
      if (System.nanoTime() > giveUp) {
        throw new IllegalStateException("the provisioner did not lead within " + limit);
      }
      try {
        if (isReady()
            && metrics()
                .lines()
                .anyMatch(l -> l.startsWith("pullsecret_provisioning_is_leader 1"))) {
          return Duration.ofNanos(System.nanoTime() - startNanos);
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(20);
    }
  }

  private boolean isReady() throws IOException, InterruptedException {
    URI uri = URI.create("http://127.0.0.1:" + healthPort + "/readyz");
    return http.send(HttpRequest.newBuilder(uri).build(), BodyHandlers.discarding()).statusCode()
        == 200;
  }

  String metrics() throws IOException, InterruptedException {
    return get("/metrics");
  }

  private String get(String path) throws IOException, InterruptedException {
    URI uri = URI.create("http://127.0.0.1:" + healthPort + path);
    return http.send(HttpRequest.newBuilder(uri).build(), BodyHandlers.ofString()).body().strip();
  }

  long pid() {
    return process.pid();
  }

  Memory memory() throws IOException {
    return ProcessMeter.memory(process.pid());
  }

  Duration cpuTime() throws IOException {
    return ProcessMeter.cpuTime(process.pid());
  }

  /**
   * The Java heap in use right after a full collection, in KiB ({@code jcmd} of the same JDK): what
   * the process really keeps, unlike the resident set, which holds garbage until the next
   * collection and heap pages once touched.
   */
  long liveHeapKib(Path java) throws IOException, InterruptedException {
    Path jcmd = java.resolveSibling("jcmd");
    run(jcmd, "GC.run");
    long used = 0;
    for (String line : run(jcmd, "GC.heap_info").lines().toList()) {
      Matcher generation = GENERATION_USED.matcher(line);
      if (generation.find()) {
        used += Long.parseLong(generation.group(1));
      }
    }
    return used;
  }

  private String run(Path jcmd, String command) throws IOException, InterruptedException {
    Process run =
        new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), command)
            .redirectErrorStream(true)
            .start();
    String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    run.waitFor(30, TimeUnit.SECONDS);
    return output;
  }

  /** SIGTERM, as the kubelet stops a pod; killed if still there 15 s later. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }
}
