package com.tanhdev.pullsecret.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@code strip}.
 *
 * @param config the rules file, or null for the embedded default
 * @param inPlace whether to write the files instead of printing a diff
 * @param help whether usage was asked for
 * @param paths files, directories and {@code -} for standard input, in order
 */
public record StripOptions(Path config, boolean inPlace, boolean help, List<String> paths) {

  public StripOptions {
    paths = List.copyOf(paths);
  }

  /**
   * Parses the arguments after {@code strip}.
   *
   * @throws IllegalArgumentException with a message for the user when they make no sense
   */
  public static StripOptions parse(List<String> args) {
    Path config = null;
    boolean inPlace = false;
    List<String> paths = new ArrayList<>();
    boolean optionsEnded = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (optionsEnded || arg.equals("-") || !arg.startsWith("-")) {
        paths.add(arg);
      } else if (arg.equals("--help") || arg.equals("-h")) {
        return new StripOptions(null, false, true, List.of());
      } else if (arg.equals("--")) {
        optionsEnded = true;
      } else if (arg.equals("--in-place")) {
        inPlace = true;
      } else if (arg.equals("--config") || arg.startsWith("--config=")) {
        config = Path.of(CheckOptions.valueOf(args, i, "--config", "a file"));
        i += arg.contains("=") ? 0 : 1;
      } else {
        throw new IllegalArgumentException("unknown option: " + arg);
      }
    }
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("no PATH given (use - to read standard input)");
    }
    if (inPlace && paths.contains("-")) {
      throw new IllegalArgumentException("--in-place writes files; standard input (-) has none");
    }
    return new StripOptions(config, inPlace, false, paths);
  }
}
