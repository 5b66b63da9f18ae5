package com.tanhdev.pullsecret.rollout;

import java.nio.file.Path;

/** The drill's arguments: {@code --restarts N --rate PER_SECOND --report FILE}. */
record DrillOptions(int restarts, double ratePerSecond, Path report) {

  static DrillOptions parse(String[] args) {
    int restarts = 20;
    double rate = 50;
    Path report = Path.of("rollout-report.json");
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--restarts" -> restarts = Integer.parseInt(args[i + 1]);
        case "--rate" -> rate = Double.parseDouble(args[i + 1]);
        case "--report" -> report = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException("every argument takes a value: " + String.join(" ", args));
    }
    return new DrillOptions(restarts, rate, report);
  }
}
