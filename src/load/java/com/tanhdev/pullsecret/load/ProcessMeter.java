package com.tanhdev.pullsecret.load;

import com.tanhdev.pullsecret.load.ServerProcess.Memory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Resident memory and CPU time of a process, as the kernel accounts them in {@code /proc}. */
final class ProcessMeter {

  /** Linux reports CPU time in clock ticks of 10 ms (USER_HZ is 100 on every mainstream build). */
  private static final long MILLIS_PER_TICK = 10;

  private ProcessMeter() {}

  /** Resident memory now and at its peak, in KiB, from {@code /proc/PID/status}. */
  static Memory memory(long pid) throws IOException {
    long rss = 0;
    long peak = 0;
    long anonymous = 0;
    long file = 0;
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        rss = kib(line);
      } else if (line.startsWith("VmHWM:")) {
        peak = kib(line);
      } else if (line.startsWith("RssAnon:")) {
        anonymous = kib(line);
      } else if (line.startsWith("RssFile:")) {
        file = kib(line);
      }
    }
    return new Memory(rss, peak, anonymous, file);
  }

  /** User plus system CPU time used so far. */
  static Duration cpuTime(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    // Fields after the command name, which is in parentheses and may contain spaces.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    return Duration.ofMillis(ticks * MILLIS_PER_TICK);
  }

  /** The processor's model name from {@code /proc/cpuinfo}, for the reports' machine line. */
  static String cpuModel() throws IOException {
    return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
        .filter(l -> l.startsWith("model name"))
        .findFirst()
        .map(l -> l.substring(l.indexOf(':') + 2))
        .orElse("unknown");
  }

  /** The three load averages of {@code /proc/loadavg}. */
  static String loadAverage() throws IOException {
    String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
    return fields[0] + " " + fields[1] + " " + fields[2];
  }

  private static long kib(String line) {
    return Long.parseLong(line.replaceAll("[^0-9]", ""));
  }
}
