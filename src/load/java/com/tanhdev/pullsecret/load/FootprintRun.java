package com.tanhdev.pullsecret.load;

import com.tanhdev.pullsecret.load.FootprintOptions.Variant;
import com.tanhdev.pullsecret.pki.KeyAlgorithm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The footprint and start-up comparison ({@code scripts/footprint.sh}): starts the shaded jar's
 * {@code serve} with each variant's JVM flags against a mock API server, in turns, and measures
 * start to ready, idle resident memory, the first calls on the fresh server, and resident memory
 * after a load up to 4,000 reviews a second and a run of new connections. Prints markdown with the
 * medians of each variant and their ratios to the first one.
 */
public final class FootprintRun {

  private static final Duration READY_LIMIT = Duration.ofSeconds(60);

  /** Long enough for native heap trimming (every second) and the JIT's queue to settle. */
  private static final Duration IDLE = Duration.ofSeconds(5);

  private static final int[] RATES = {1000, 2000, 4000};

  private static final String TRAINING_RUN = "com.tanhdev.pullsecret.training.TrainingRun";

  private FootprintRun() {}

  public static void main(String[] args) throws Exception {
    FootprintOptions options;
    try {
      options = FootprintOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Path workDir = Files.createDirectories(Path.of("target", "footprint"));
    LoadCertificates certificates = LoadCertificates.write(workDir, KeyAlgorithm.EC_P256);
    ReviewBodies bodies = ReviewBodies.generate(42, 400, 70, 65);
    System.err.println("warming up the generator's TLS client");
    ClientWarmUp.run(certificates.client(), certificates.serving(), certificates.root(), bodies);
    String before = ProcessMeter.loadAverage();
    Map<Variant, List<FootprintSample>> samples = new LinkedHashMap<>();
    try (MockApiServer api =
        MockApiServer.withPullSecrets(SampleWorkloads.SECRET, SampleWorkloads.NAMESPACES)) {
      JarServer jar =
          new JarServer(
              options.serverJava(), options.jar(), certificates.tlsDir(), api.url(), workDir);
      for (Variant variant : options.variants()) {
        trainAotCache(options, variant);
      }
      for (int start = 0; start < options.starts(); start++) {
        for (Variant variant : options.variants()) {
          String name = variant.name() + "-" + start;
          FootprintSample sample =
              measure(jar, variant, name, certificates.client(), bodies, options);
          System.err.println(name + ": " + sample);
          samples.computeIfAbsent(variant, v -> new ArrayList<>()).add(sample);
        }
      }
    }
    String markdown =
        new FootprintReport(options, samples)
            .markdown(
                ProcessMeter.cpuModel(),
                LoadRun.javaVersion(options.serverJava()),
                before,
                ProcessMeter.loadAverage());
    System.out.println(markdown);
    if (options.out() != null) {
      Files.writeString(options.out(), markdown);
    }
    System.exit(0); // sender threads of closed pools may linger in their keep-alive
  }

  private static FootprintSample measure(
      JarServer jar,
      Variant variant,
      String name,
      TlsClient tls,
      ReviewBodies bodies,
      FootprintOptions options)
      throws Exception {
    Duration step = Duration.ofSeconds(options.stepSeconds());
    try (ServerProcess server = jar.start(variant.flags(), name)) {
      long ready = server.awaitReady(READY_LIMIT).toMillis();
      Thread.sleep(IDLE.toMillis());
      ServerProcess.Memory idle = server.memory();
      long classes = loadedClasses(options.serverJava(), server.pid());
      nativeMemory(options.serverJava(), server.pid(), variant, name + "-idle");
      List<Measurement> runs = new ArrayList<>();
      try (LoadDriver driver =
          new LoadDriver(
              server,
              tls,
              bodies,
              ServerStarts.WEBHOOK_TIMEOUT,
              ConnectionPool.API_SERVER_MAX_IDLE)) {
        for (int rate : RATES) {
          runs.add(driver.run("%d/s".formatted(rate), rate, step));
        }
      }
      try (LoadDriver fresh =
          new LoadDriver(server, tls, bodies, ServerStarts.WEBHOOK_TIMEOUT, 0)) {
        runs.add(fresh.run("a new connection per review, 40/s", 40, step));
      }
      Thread.sleep(IDLE.toMillis());
      nativeMemory(options.serverJava(), server.pid(), variant, name + "-loaded");
      Measurement first = runs.get(0);
      return new FootprintSample(
          ready,
          classes,
          idle,
          first.perSecond(step)[0].millisAt(0.99),
          first.serverCpuMicrosPerRequest(),
          runs.get(RATES.length - 1).serverCpuMicrosPerRequest(),
          runs.stream().mapToLong(m -> m.summary().errorCount()).sum(),
          server.memory());
    }
  }

  /**
   * Makes the AOT cache a variant names ({@code -XX:AOTCache=FILE}) when it is missing or older
   * than the jar, with the Dockerfile's training run: the variant's other flags, {@code
   * -XX:AOTCacheOutput=FILE}, and the jar as the class path, as {@code -jar} makes it at run time.
   */
  private static void trainAotCache(FootprintOptions options, Variant variant)
      throws IOException, InterruptedException {
    String prefix = "-XX:AOTCache=";
    Path cache =
        variant.flags().stream()
            .filter(f -> f.startsWith(prefix))
            .map(f -> Path.of(f.substring(prefix.length())))
            .findFirst()
            .orElse(null);
    // The JVM refuses a cache made for another build of the jar.
    if (cache == null
        || (Files.exists(cache)
            && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(options.jar()))
                > 0)) {
      return;
    }
    Files.deleteIfExists(cache);
    List<String> command = new ArrayList<>();
    command.add(options.serverJava());
    command.add("-XX:AOTCacheOutput=" + cache);
    variant.flags().stream().filter(f -> !f.startsWith(prefix)).forEach(command::add);
    command.addAll(List.of("-Xlog:aot=error", "-cp", options.jar().toString(), TRAINING_RUN));
    System.err.println("training " + cache + ": " + String.join(" ", command));
    Process training = new ProcessBuilder(command).inheritIO().start();
    if (training.waitFor() != 0 || !Files.exists(cache)) {
      throw new IllegalStateException("the training run of " + variant.name() + " failed");
    }
  }

  /** Classes loaded so far, from the JVM's performance counters ({@code jstat -class}). */
  private static long loadedClasses(String java, long pid)
      throws IOException, InterruptedException {
    List<String> lines = tool(java, "jstat", "-class", Long.toString(pid)).lines().toList();
    return lines.size() < 2 ? -1 : Long.parseLong(lines.get(1).strip().split("\\s+")[0]);
  }

  /**
   * Keeps the process's memory map ({@code /proc/PID/smaps}: resident memory per mapping, so the
   * heap, the AOT cache and the code cache can be told apart), and {@code jcmd VM.native_memory
   * summary} when the variant tracks native memory.
   */
  private static void nativeMemory(String java, long pid, Variant variant, String name)
      throws IOException, InterruptedException {
    Files.copy(
        Path.of("/proc", Long.toString(pid), "smaps"),
        Path.of("target", "footprint", name + ".smaps"),
        StandardCopyOption.REPLACE_EXISTING);
    if (variant.flags().stream().anyMatch(f -> f.startsWith("-XX:NativeMemoryTracking="))) {
      String summary =
          tool(java, "jcmd", Long.toString(pid), "VM.native_memory", "summary", "scale=KB");
      Files.writeString(Path.of("target", "footprint", name + ".nmt"), summary);
    }
  }

  private static String tool(String java, String tool, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    // The trimmed runtime has no tools: the generator runs on the full JDK of the same release.
    command.add(Path.of(System.getProperty("java.home"), "bin", tool).toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(30, TimeUnit.SECONDS);
    return text;
  }
}
