package com.tanhdev.pullsecret.load;

import com.tanhdev.pullsecret.load.FootprintOptions.Variant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The markdown of a {@link FootprintRun}: medians per variant, and ratios to the first one. */
final class FootprintReport {

  private final FootprintOptions options;
  private final Map<Variant, List<FootprintSample>> samples;

  FootprintReport(FootprintOptions options, Map<Variant, List<FootprintSample>> samples) {
    this.options = options;
    this.samples = samples;
  }

  String markdown(String cpu, String java, String loadBefore, String loadAfter) {
    StringBuilder out = new StringBuilder();
    out.append(
        """
        - machine: %d CPUs (%s), load average before: %s, after: %s
        - server JVM: %s, `-jar %s serve` against a mock API server (informers list and watch)
        - each start: ready, %d s idle, then %d s each at %s reviews/s on kube-apiserver's pool of \
        25 connections, %d s of a new connection per review at 40/s, %d s idle; %d start(s) per \
        variant, taken in turns; medians
        """
            .formatted(
                Runtime.getRuntime().availableProcessors(),
                cpu,
                loadBefore,
                loadAfter,
                java,
                options.jar().getFileName(),
                5,
                options.stepSeconds(),
                "1,000, 2,000 and 4,000",
                options.stepSeconds(),
                5,
                options.starts()));
    for (Variant variant : samples.keySet()) {
      out.append("- %s: `%s`\n".formatted(variant.name(), String.join(" ", variant.flags())));
    }
    out.append(
        """

        | Variant | start to ready ms | idle RSS MiB | classes loaded | first second p99 ms \
        | CPU µs/review first run, at 4,000/s | failed calls | RSS after load MiB | peak RSS MiB |
        | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
        """);
    for (Map.Entry<Variant, List<FootprintSample>> entry : samples.entrySet()) {
      List<FootprintSample> s = entry.getValue();
      out.append(
          "| %s | %s | %s | %.0f | %s | %.0f, %.0f | %.0f | %s | %s |\n"
              .formatted(
                  entry.getKey().name(),
                  spread(s, FootprintSample::readyMillis, 1),
                  spread(s, x -> x.idle().rssKib(), 1024),
                  median(s, FootprintSample::loadedClasses),
                  spread(s, FootprintSample::firstSecondP99Millis, 1),
                  median(s, FootprintSample::firstRunCpuMicros),
                  median(s, FootprintSample::lastRunCpuMicros),
                  median(s, FootprintSample::failedCalls),
                  spread(s, x -> x.afterLoad().rssKib(), 1024),
                  spread(s, x -> x.afterLoad().peakKib(), 1024)));
    }
    List<FootprintSample> reference = samples.values().iterator().next();
    out.append(
        "\nRatios of the medians to %s (start to ready, idle RSS, RSS after load, peak RSS):\n\n"
            .formatted(samples.keySet().iterator().next().name()));
    for (Map.Entry<Variant, List<FootprintSample>> entry : samples.entrySet()) {
      List<FootprintSample> s = entry.getValue();
      out.append(
          "- %s: %.2f, %.2f, %.2f, %.2f\n"
              .formatted(
                  entry.getKey().name(),
                  ratio(s, reference, FootprintSample::readyMillis),
                  ratio(s, reference, x -> x.idle().rssKib()),
                  ratio(s, reference, x -> x.afterLoad().rssKib()),
                  ratio(s, reference, x -> x.afterLoad().peakKib())));
    }
    return out.toString();
  }

  /** The median, with the lowest and highest in brackets when there are several. */
  private static String spread(
      List<FootprintSample> s, ToDoubleFunction<FootprintSample> value, double divisor) {
    double[] sorted = s.stream().mapToDouble(value).map(v -> v / divisor).sorted().toArray();
    String median = number(median(s, value) / divisor);
    return sorted.length == 1
        ? median
        : "%s (%s-%s)".formatted(median, number(sorted[0]), number(sorted[sorted.length - 1]));
  }

  private static double median(List<FootprintSample> s, ToDoubleFunction<FootprintSample> value) {
    double[] sorted = s.stream().mapToDouble(value).sorted().toArray();
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  private static double ratio(
      List<FootprintSample> s,
      List<FootprintSample> reference,
      ToDoubleFunction<FootprintSample> value) {
    return median(s, value) / median(reference, value);
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value);
  }
}
