package com.tanhdev.pullsecret.load;

import com.tanhdev.pullsecret.load.ClusterWrites.CreatedNamespaces;
import com.tanhdev.pullsecret.load.ProvisionerFootprint.CpuRate;
import com.tanhdev.pullsecret.provision.CopyContent;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The measurements, in order, on one provisioner: idle memory, copies for namespaces created at a
 * steady rate, rotations over those, copies for a burst of namespaces, memory with every namespace
 * selected, then with many unrelated secrets. Each phase appends its markdown.
 */
final class ProvisioningPhases {

  private static final Duration ARRIVAL_LIMIT = Duration.ofMinutes(5);
  private static final Duration SETTLE = Duration.ofSeconds(5);

  private final ProvisioningSizes sizes;
  private final ClusterWrites writes;
  private final CopyWatch watch;
  private final ProvisionerJvm provisioner;
  private final Path java;
  private final StringBuilder report = new StringBuilder();
  private final List<String> loadAverages = new ArrayList<>();
  private final List<String> selected = new ArrayList<>();
  private final Map<String, Long> copyArrived = new HashMap<>();
  private String hash;

  ProvisioningPhases(
      ProvisioningSizes sizes,
      ClusterWrites writes,
      CopyWatch watch,
      ProvisionerJvm provisioner,
      Path java,
      Secret source) {
    this.sizes = sizes;
    this.writes = writes;
    this.watch = watch;
    this.provisioner = provisioner;
    this.java = java;
    this.hash = hashOf(source);
  }

  String run(Duration startToLead) throws Exception {
    note("start");
    report.append(
        "Started: leading with its caches synced %d ms after the JVM was started.\n\n"
            .formatted(startToLead.toMillis()));
    Thread.sleep(SETTLE.toMillis());
    ProvisionerFootprint footprint = new ProvisionerFootprint(provisioner, java);
    footprint.record("idle after start, no namespace selected");

    report.append(
        "| Namespaces created | Count | p50 ms | p90 ms | p99 ms | max ms | create call p50 ms | first create to last copy | provisioner CPU |\n");
    report.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    CreatedNamespaces steady =
        arrivals(
            "steady, %.0f/s".formatted(sizes.perSecond()),
            () -> writes.steady("bench-steady", sizes.namespaces(), sizes.perSecond()));
    note("steady");
    report.append(
        "\nSlowest copy (ms) among the namespaces created in each second of the steady run: "
            + slowestPerSecond(steady)
            + "\n");

    report.append(
        "\n| Rotation of the source | Copies | first copy ms | last copy ms | provisioner CPU |\n");
    report.append("| --- | ---: | ---: | ---: | ---: |\n");
    List<Double> lastCopies = new ArrayList<>();
    for (int run = 1; run <= sizes.rotations(); run++) {
      lastCopies.add(rotate(run, steady.names()));
      note("rotation " + run);
    }
    lastCopies.sort(null);
    report.append(
        "\nRotation to %d copies, median of %d: **%s ms** from the source update to the last copy.\n\n"
            .formatted(
                steady.names().size(),
                lastCopies.size(),
                Spread.ms(lastCopies.get(lastCopies.size() / 2))));

    report.append(
        "| Namespaces created | Count | p50 ms | p90 ms | p99 ms | max ms | create call p50 ms | first create to last copy | provisioner CPU |\n");
    report.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    arrivals("one burst", () -> writes.burst("bench-burst", sizes.namespaces()));
    note("burst");

    footprint(footprint);
    report
        .append("\nProvisioner metrics at the end:\n\n```\n")
        .append(
            provisioner
                .metrics()
                .lines()
                .filter(
                    l ->
                        l.startsWith("pullsecret_provisioning_copies")
                            || l.startsWith("pullsecret_provisioning_reconcile_errors"))
                .collect(Collectors.joining("\n")))
        .append("\n```\n\nLoad average (1, 5, 15 min) after each phase: ")
        .append(String.join("; ", loadAverages))
        .append("\n");
    return report.toString();
  }

  /** Memory with every namespace selected, then with unrelated Secrets in all of them. */
  private void footprint(ProvisionerFootprint footprint) throws Exception {
    Thread.sleep(SETTLE.toMillis());
    footprint.record("%,d namespaces selected, each with its copy".formatted(selected.size()));
    CpuRate idle = footprint.cpuWhile(() -> Thread.sleep(SETTLE.toMillis()));
    CpuRate creating =
        footprint.cpuWhile(
            () ->
                writes.unrelatedSecrets(
                    selected, sizes.unrelatedPerNamespace(), sizes.unrelatedBytes()));
    note("unrelated secrets");
    Thread.sleep(SETTLE.toMillis());
    int unrelated = selected.size() * sizes.unrelatedPerNamespace();
    footprint.record(
        "and %,d unrelated Secrets of %,d bytes (%.0f MiB of data)"
            .formatted(
                unrelated,
                sizes.unrelatedBytes(),
                unrelated * (double) sizes.unrelatedBytes() / (1 << 20)));
    report.append("\n").append(footprint.table());
    report.append(
        ("\nCreating the %,d unrelated Secrets took %.1f s (%.0f/s); the provisioner used %d ms of"
                + " CPU meanwhile, %.1f ms per second (idle with every copy in place: %.1f ms per"
                + " second).\n")
            .formatted(
                unrelated,
                creating.seconds(),
                unrelated / creating.seconds(),
                creating.cpu().toMillis(),
                creating.millisPerSecond(),
                idle.millisPerSecond()));
  }

  private interface Creation {
    CreatedNamespaces create() throws Exception;
  }

  private CreatedNamespaces arrivals(String label, Creation creation) throws Exception {
    Duration cpu = provisioner.cpuTime();
    CreatedNamespaces created = creation.create();
    long[] arrived = watch.await(created.names(), hash, ARRIVAL_LIMIT);
    Duration used = provisioner.cpuTime().minus(cpu);
    selected.addAll(created.names());
    for (int i = 0; i < arrived.length; i++) {
      copyArrived.put(created.names().get(i), arrived[i]);
    }
    long firstRequest = Long.MAX_VALUE;
    long lastArrival = Long.MIN_VALUE;
    for (int i = 0; i < arrived.length; i++) {
      firstRequest = Math.min(firstRequest, created.createdNanos()[i] - created.callNanos()[i]);
      lastArrival = Math.max(lastArrival, arrived[i]);
    }
    report.append(
        "| %s | %d | %s | %s | %s ms | %d ms |\n"
            .formatted(
                label,
                arrived.length,
                Spread.between(created.createdNanos(), arrived).cells(),
                Spread.ms(Spread.of(created.callNanos()).millisAt(0.5)),
                Spread.ms((lastArrival - firstRequest) / 1e6),
                used.toMillis()));
    return created;
  }

  /** The namespaces' latencies to their copies, the slowest of each second of creation. */
  private String slowestPerSecond(CreatedNamespaces created) {
    int perSecond = (int) Math.round(sizes.perSecond());
    List<String> slowest = new ArrayList<>();
    for (int from = 0; from < created.names().size(); from += perSecond) {
      long max = 0;
      for (int i = from; i < Math.min(from + perSecond, created.names().size()); i++) {
        max = Math.max(max, copyArrived.get(created.names().get(i)) - created.createdNanos()[i]);
      }
      slowest.add(Spread.ms(max / 1e6));
    }
    return String.join(", ", slowest);
  }

  /** Rotates the source and returns the time to its last copy, in milliseconds. */
  private double rotate(int run, List<String> namespaces) throws Exception {
    Duration cpu = provisioner.cpuTime();
    long start = System.nanoTime();
    hash = hashOf(writes.writeSource("rotated-" + run + "-" + System.nanoTime()));
    long[] arrived = watch.await(namespaces, hash, ARRIVAL_LIMIT);
    Duration used = provisioner.cpuTime().minus(cpu);
    long[] starts = new long[arrived.length];
    Arrays.fill(starts, start);
    Spread spread = Spread.between(starts, arrived);
    report.append(
        "| run %d | %d | %s | %s | %d ms |\n"
            .formatted(
                run,
                arrived.length,
                Spread.ms(spread.millisAt(0)),
                Spread.ms(spread.maxMillis()),
                used.toMillis()));
    return spread.maxMillis();
  }

  private void note(String phase) throws IOException {
    loadAverages.add(phase + ": " + ProcessMeter.loadAverage());
  }

  private static String hashOf(Secret source) {
    return CopyContent.hashOf(source.getType(), source.getData());
  }
}
