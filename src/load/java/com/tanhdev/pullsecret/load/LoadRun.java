package com.tanhdev.pullsecret.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * The load test entry point ({@code scripts/load.sh}): prepares certificates, a mock API server and
 * the review bodies, runs the chosen scenarios against server JVMs started with the container's
 * flags, and prints the results as markdown for {@code docs/benchmarks.md}.
 */
public final class LoadRun {

  /**
   * The container's JVM flags (Dockerfile, chart {@code jvmOptions}) but its AOT cache, which
   * cannot be made for servers run from class directories (scripts/footprint.sh measures the jar
   * with it).
   */
  static final List<String> CONTAINER_FLAGS =
      List.of(
          "-Xmx96m",
          "-Xmn8m",
          "-XX:+UseSerialGC",
          "-XX:+UseCompactObjectHeaders",
          "-XX:+ExitOnOutOfMemoryError",
          "-XX:TrimNativeHeapInterval=1000");

  private LoadRun() {}

  public static void main(String[] args) throws Exception {
    LoadOptions options;
    try {
      options = LoadOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Path workDir = Files.createDirectories(Path.of("target", "load"));
    LoadCertificates certificates = LoadCertificates.write(workDir, options.key());
    Path tlsDir = certificates.tlsDir();
    Path caFile = certificates.caFile();
    TlsClient tls = certificates.client();
    ReviewBodies bodies = ReviewBodies.generate(42, 400, 70, 65);
    System.err.println("warming up the generator's TLS client");
    ClientWarmUp.run(tls, certificates.serving(), certificates.root(), bodies);
    List<String> flags = new ArrayList<>(CONTAINER_FLAGS);
    flags.addAll(options.extraServerFlags());
    Report report = new Report();
    String environment;
    try (MockApiServer api =
        MockApiServer.withPullSecrets(SampleWorkloads.SECRET, SampleWorkloads.NAMESPACES)) {
      ServerLaunch launch =
          new ServerLaunch(
              options.serverJava(),
              flags,
              System.getProperty("java.class.path"),
              tlsDir,
              api.url(),
              workDir);
      environment = environment(options, flags, bodies);
      System.err.print(environment);
      ServerStarts starts = new ServerStarts(launch, tls, bodies, report);
      Scenarios scenarios = new Scenarios(options.timing(), starts, api, report);
      ColdStarts coldStarts = new ColdStarts(options.timing(), starts, report);
      double ceiling = 0;
      if (options.scenarios().contains("ceiling")) {
        ceiling = attempt(report, scenarios::ceiling);
      }
      double webhookCeiling = ceiling;
      if (options.scenarios().contains("webhook")) {
        attempt(
            report,
            () -> {
              scenarios.warmWebhook(webhookCeiling);
              return 0.0;
            });
      }
      if (options.scenarios().contains("burst")) {
        attempt(
            report,
            () -> {
              coldStarts.coldBursts();
              return 0.0;
            });
      }
      if (options.scenarios().contains("startup")) {
        attempt(
            report,
            () -> {
              coldStarts.startups();
              return 0.0;
            });
      }
      ImageWebhook imageWebhook =
          new ImageWebhook(
              new JarServer(
                  options.serverJava(),
                  Path.of("target", "pullsecret-webhook.jar"),
                  tlsDir,
                  api.url(),
                  workDir),
              options.extraServerFlags(),
              report);
      VegetaAttack attack =
          new VegetaAttack(vegetaBinary(), caFile, bodies, workDir, ServerStarts.WEBHOOK_TIMEOUT);
      if (options.scenarios().contains("vegeta")) {
        attempt(
            report,
            () -> {
              new VegetaScenario(options.timing().vegetaStep(), starts, attack, report).run();
              return 0.0;
            });
      }
      if (options.scenarios().contains("lowrate")) {
        attempt(
            report,
            () -> {
              new LowRateScenario(
                      options.timing().apiServerStep(),
                      imageWebhook,
                      starts,
                      attack,
                      GoInjector.binary(),
                      certificates,
                      workDir,
                      report)
                  .run();
              return 0.0;
            });
      }
      if (options.scenarios().contains("apiserver")) {
        attempt(
            report,
            () -> {
              new ApiServerScenario(
                      options.timing().apiServerStep(),
                      imageWebhook,
                      certificates,
                      GoInjector.binary(),
                      workDir,
                      report)
                  .run();
              return 0.0;
            });
      }
      starts.readinessTarget();
    }
    String markdown =
        environment
            + "- load average after: "
            + ProcessMeter.loadAverage()
            + "\n\n"
            + report.markdown();
    System.out.println(markdown);
    if (options.out() != null) {
      Files.writeString(options.out(), markdown);
    }
    System.exit(0); // sender threads of closed pools may linger in their keep-alive
  }

  /** The vegeta that {@code scripts/load.sh} built ({@code scripts/vegeta.sh}). */
  private static Path vegetaBinary() {
    String path = System.getenv("PULLSECRET_VEGETA");
    if (path == null || path.isBlank()) {
      throw new IllegalStateException("PULLSECRET_VEGETA is not set: run through scripts/load.sh");
    }
    return Path.of(path);
  }

  /** Runs one scenario group; a failure (a crashed server) is reported and the run goes on. */
  private static double attempt(Report report, Callable<Double> group) {
    try {
      return group.call();
    } catch (Exception e) {
      report.text("\n**Scenario aborted:** " + e.getMessage());
      e.printStackTrace();
      return 0;
    }
  }

  private static String environment(LoadOptions options, List<String> flags, ReviewBodies bodies)
      throws IOException, InterruptedException {
    String model = ProcessMeter.cpuModel();
    return """
        - machine: %d CPUs (%s), load average before: %s
        - server JVM: %s
        - server flags: `%s`
        - serving certificate: %s; generator JVM: %s %s
        - reviews: %s
        """
        .formatted(
            Runtime.getRuntime().availableProcessors(),
            model,
            ProcessMeter.loadAverage(),
            javaVersion(options.serverJava()),
            String.join(" ", flags),
            options.key().cliName(),
            System.getProperty("java.vm.version"),
            String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()),
            bodies.description());
  }

  static String javaVersion(String java) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
    String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(10, TimeUnit.SECONDS);
    return text.lines().skip(1).findFirst().orElse(text).trim();
  }
}
