package com.tanhdev.pullsecret.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@code check}.
 *
 * @param config the rules file, or null for the embedded default
 * @param output how findings are printed
 * @param fix whether to add the missing secrets instead of reporting them
 * @param inPlace with {@code fix}: whether to write the files instead of printing them
 * @param help whether usage was asked for
 * @param paths files, directories and {@code -} for standard input, in order
 */
public record CheckOptions(
    Path config,
    OutputFormat output,
    boolean fix,
    boolean inPlace,
    boolean help,
    List<String> paths) {

  public CheckOptions {
    paths = List.copyOf(paths);
  }

  /**
   * Parses the arguments after {@code check}.
   *
   * @throws IllegalArgumentException with a message for the user when they make no sense
   */
  public static CheckOptions parse(List<String> args) {
    Path config = null;
    OutputFormat output = OutputFormat.TEXT;
    boolean fix = false;
    boolean inPlace = false;
    List<String> paths = new ArrayList<>();
    boolean optionsEnded = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (optionsEnded || arg.equals("-") || !arg.startsWith("-")) {
        paths.add(arg);
      } else if (arg.equals("--help") || arg.equals("-h")) {
        return new CheckOptions(null, OutputFormat.TEXT, false, false, true, List.of());
      } else if (arg.equals("--")) {
        optionsEnded = true;
      } else if (arg.equals("--fix")) {
        fix = true;
      } else if (arg.equals("--in-place")) {
        inPlace = true;
      } else if (arg.equals("--config") || arg.startsWith("--config=")) {
        config = Path.of(valueOf(args, i, "--config", "a file"));
        i += arg.contains("=") ? 0 : 1;
      } else if (arg.equals("--output") || arg.startsWith("--output=")) {
        output = format(valueOf(args, i, "--output", "text, json, github or sarif"));
        i += arg.contains("=") ? 0 : 1;
      } else {
        throw new IllegalArgumentException("unknown option: " + arg);
      }
    }
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("no PATH given (use - to read standard input)");
    }
    if (fix && output != OutputFormat.TEXT) {
      throw new IllegalArgumentException(
          "--fix prints or writes manifests; it cannot be combined with --output "
              + output.name().toLowerCase(java.util.Locale.ROOT));
    }
    if (inPlace && !fix) {
      throw new IllegalArgumentException("--in-place needs --fix");
    }
    if (inPlace && paths.contains("-")) {
      throw new IllegalArgumentException("--in-place writes files; standard input (-) has none");
    }
    return new CheckOptions(config, output, fix, inPlace, false, paths);
  }

  static String valueOf(List<String> args, int index, String option, String expected) {
    String arg = args.get(index);
    if (arg.startsWith(option + "=")) {
      return arg.substring(option.length() + 1);
    }
    if (index + 1 >= args.size()) {
      throw new IllegalArgumentException(option + " needs " + expected);
    }
    return args.get(index + 1);
  }

  private static OutputFormat format(String value) {
    return switch (value) {
      case "text" -> OutputFormat.TEXT;
      case "json" -> OutputFormat.JSON;
      case "github" -> OutputFormat.GITHUB;
      case "sarif" -> OutputFormat.SARIF;
      default ->
          throw new IllegalArgumentException(
              "--output must be text, json, github or sarif, got " + value);
    };
  }
}
