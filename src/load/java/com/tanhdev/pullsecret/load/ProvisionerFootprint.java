package com.tanhdev.pullsecret.load;

import com.tanhdev.pullsecret.load.ServerProcess.Memory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The provisioner's memory at chosen moments, and its CPU rate over chosen intervals. */
final class ProvisionerFootprint {

  private final ProvisionerJvm provisioner;
  private final Path java;
  private final List<String> rows = new ArrayList<>();

  ProvisionerFootprint(ProvisionerJvm provisioner, Path java) {
    this.provisioner = provisioner;
    this.java = java;
  }

  interface Interval {
    void run() throws Exception;
  }

  /** Adds a row: resident set now and at its peak, live heap, CPU time so far. */
  void record(String label) throws IOException, InterruptedException {
    // The resident set first: the full collection behind the live heap would lower it.
    Memory memory = provisioner.memory();
    Duration cpu = provisioner.cpuTime();
    long live = provisioner.liveHeapKib(java);
    rows.add(
        "| %s | %s | %s | %s | %.1f s |\n"
            .formatted(
                label,
                Memory.mib(memory.rssKib()),
                Memory.mib(memory.peakKib()),
                Memory.mib(live),
                cpu.toMillis() / 1e3));
  }

  /** The CPU time the provisioner used while {@code interval} ran, and how long it ran. */
  record CpuRate(Duration cpu, double seconds) {

    double millisPerSecond() {
      return cpu.toMillis() / seconds;
    }
  }

  CpuRate cpuWhile(Interval interval) throws Exception {
    Duration before = provisioner.cpuTime();
    long started = System.nanoTime();
    interval.run();
    return new CpuRate(provisioner.cpuTime().minus(before), (System.nanoTime() - started) / 1e9);
  }

  String table() {
    return "| Provisioner memory | VmRSS | VmHWM (peak) | Java heap live after a full GC | CPU time"
        + " so far |\n| --- | ---: | ---: | ---: | ---: |\n"
        + String.join("", rows);
  }
}
