package com.tanhdev.pullsecret.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command line of {@link FootprintRun}.
 *
 * @param serverJava the {@code java} the servers run on (the image's release)
 * @param jar the shaded jar
 * @param variants the JVM flag sets to compare, the first one being the reference
 * @param starts starts of each variant, taken in turns so that the machine's load falls on all
 * @param step each step of the load after the idle measurement
 * @param out where the markdown goes besides standard output, or null
 */
record FootprintOptions(
    String serverJava, Path jar, List<Variant> variants, int starts, int stepSeconds, Path out) {

  static final String USAGE =
      """
      Usage: scripts/footprint.sh [--starts N] [--quick] [--out FILE]
                                  --variant 'NAME=FLAG FLAG ...' [--variant ...]
      """;

  /** One set of JVM flags, named for the report. */
  record Variant(String name, List<String> flags) {

    static Variant parse(String text) {
      int equals = text.indexOf('=');
      if (equals < 1) {
        throw new IllegalArgumentException("a variant is NAME=FLAGS, not " + text + "\n" + USAGE);
      }
      String flags = text.substring(equals + 1).strip();
      return new Variant(
          text.substring(0, equals),
          flags.isEmpty() ? List.of() : Arrays.asList(flags.split("\\s+")));
    }
  }

  static FootprintOptions parse(String[] args) {
    String java = ProcessHandle.current().info().command().orElse("java");
    Path jar = Path.of("target", "pullsecret-webhook.jar");
    List<Variant> variants = new ArrayList<>();
    int starts = 3;
    int stepSeconds = 5;
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--server-java" -> java = value(args, ++i);
        case "--jar" -> jar = Path.of(value(args, ++i));
        case "--variant" -> variants.add(Variant.parse(value(args, ++i)));
        case "--starts" -> starts = Integer.parseInt(value(args, ++i));
        case "--quick" -> {
          starts = 1;
          stepSeconds = 2;
        }
        case "--out" -> out = Path.of(value(args, ++i));
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
      }
    }
    if (variants.isEmpty()) {
      throw new IllegalArgumentException("no --variant given\n" + USAGE);
    }
    return new FootprintOptions(java, jar, List.copyOf(variants), starts, stepSeconds, out);
  }

  private static String value(String[] args, int index) {
    if (index >= args.length) {
      throw new IllegalArgumentException(args[index - 1] + " needs a value\n" + USAGE);
    }
    return args[index];
  }
}
