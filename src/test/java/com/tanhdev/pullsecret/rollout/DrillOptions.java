package com.tanhdev.pullsecret.rollout;

import java.nio.file.Path;

/**
 * The drill's arguments: {@code --restarts N} rolling restarts (20), {@code --rate PER_SECOND}
 * creates (50), {@code --certificates files|selfManaged} (files), {@code --report FILE}.
 */
record DrillOptions(int restarts, double ratePerSecond, boolean selfManaged, Path report) {

  static DrillOptions parse(String[] args) {
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException("every argument takes a value: " + String.join(" ", args));
    }
    int restarts = 20;
    double rate = 50;
    boolean selfManaged = false;
    Path report = Path.of("rollout-report.json");
    for (int i = 0; i < args.length; i += 2) {
      String value = args[i + 1];
      switch (args[i]) {
        case "--restarts" -> restarts = Integer.parseInt(value);
        case "--rate" -> rate = Double.parseDouble(value);
        case "--certificates" -> selfManaged = certificatesMode(value);
        case "--report" -> report = Path.of(value);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    return new DrillOptions(restarts, rate, selfManaged, report);
  }

  private static boolean certificatesMode(String value) {
    return switch (value) {
      case "files" -> false;
      case "selfManaged" -> true;
      default -> throw new IllegalArgumentException("--certificates: files or selfManaged");
    };
  }
}
