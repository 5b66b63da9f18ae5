package com.tanhdev.pullsecret.load;

import com.tanhdev.pullsecret.pki.KeyAlgorithm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The command line of {@link LoadRun}.
 *
 * @param scenarios which scenario groups to run: ceiling, webhook, burst, startup, vegeta, lowrate,
 *     apiserver
 * @param timing full or quick durations
 * @param key the serving certificate's key type
 * @param serverJava the {@code java} the servers run on
 * @param extraServerFlags JVM flags added after the container's
 * @param out where the markdown goes besides standard output, or null
 */
record LoadOptions(
    Set<String> scenarios,
    Timing timing,
    KeyAlgorithm key,
    String serverJava,
    List<String> extraServerFlags,
    Path out) {

  static final Set<String> ALL =
      Set.of("ceiling", "webhook", "burst", "startup", "vegeta", "lowrate", "apiserver");

  static final String USAGE =
      """
      Usage: scripts/load.sh [--quick] [--only ceiling,webhook,burst,startup,vegeta,lowrate,apiserver] [--key ec-p256|rsa-2048]
                             [--server-java PATH] [--server-flag FLAG]... [--out FILE]
      """;

  static LoadOptions parse(String[] args) {
    Set<String> scenarios = ALL;
    Timing timing = Timing.full();
    KeyAlgorithm key = KeyAlgorithm.EC_P256;
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> flags = new ArrayList<>();
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> timing = Timing.quick();
        case "--only" -> scenarios = Set.of(value(args, ++i).split(","));
        case "--key" ->
            key =
                KeyAlgorithm.fromCliName(value(args, ++i))
                    .orElseThrow(() -> new IllegalArgumentException("unknown key type\n" + USAGE));
        case "--server-java" -> java = value(args, ++i);
        case "--server-flag" -> flags.add(value(args, ++i));
        case "--out" -> out = Path.of(value(args, ++i));
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
      }
    }
    if (!ALL.containsAll(scenarios)) {
      throw new IllegalArgumentException("unknown scenario in " + scenarios + "\n" + USAGE);
    }
    return new LoadOptions(scenarios, timing, key, java, List.copyOf(flags), out);
  }

  private static String value(String[] args, int index) {
    if (index >= args.length) {
      throw new IllegalArgumentException(args[index - 1] + " needs a value\n" + USAGE);
    }
    return args[index];
  }
}
