package com.tanhdev.pullsecret.audit;

import com.tanhdev.pullsecret.check.OutputFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@code audit}.
 *
 * @param config the rules file, or null for the embedded default
 * @param output how findings are printed
 * @param namespaces namespaces to audit; empty means those the configuration selects
 * @param help whether usage was asked for
 */
public record AuditOptions(
    Path config, OutputFormat output, List<String> namespaces, boolean help) {

  public AuditOptions {
    namespaces = List.copyOf(namespaces);
  }

  /**
   * Parses the arguments after {@code audit}.
   *
   * @throws IllegalArgumentException with a message for the user when they make no sense
   */
  public static AuditOptions parse(List<String> args) {
    Path config = null;
    OutputFormat output = OutputFormat.TEXT;
    List<String> namespaces = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--help") || arg.equals("-h")) {
        return new AuditOptions(null, OutputFormat.TEXT, List.of(), true);
      }
      String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      String value =
          switch (option) {
            case "--config", "--output", "--namespace" -> valueOf(args, i, option);
            default -> throw new IllegalArgumentException("unknown argument: " + arg);
          };
      i += arg.contains("=") ? 0 : 1;
      switch (option) {
        case "--config" -> config = Path.of(value);
        case "--output" -> output = format(value);
        default -> namespaces.add(value);
      }
    }
    return new AuditOptions(config, output, namespaces, false);
  }

  private static String valueOf(List<String> args, int index, String option) {
    String arg = args.get(index);
    if (arg.startsWith(option + "=")) {
      return arg.substring(option.length() + 1);
    }
    if (index + 1 >= args.size()) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args.get(index + 1);
  }

  private static OutputFormat format(String value) {
    return switch (value) {
      case "text" -> OutputFormat.TEXT;
      case "json" -> OutputFormat.JSON;
      default -> throw new IllegalArgumentException("--output must be text or json, got " + value);
    };
  }
}
