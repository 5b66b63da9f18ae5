package com.tanhdev.pullsecret.cli;

import com.tanhdev.pullsecret.check.UnreadableManifestException;
import com.tanhdev.pullsecret.config.ConfigException;
import java.io.PrintStream;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What every tool command does around its own work, in one place: bad options print the reason and
 * the usage (exit 2), {@code --help} prints the usage (exit 0), and a bad config or an unreadable
 * manifest prints the reason (exit 2).
 */
final class CommandFrame {

  /** The command's own work once its options are parsed; returns the exit status. */
  interface Work<O> {
    int run(O options);
  }

  private CommandFrame() {}

  /**
   * @param parse parses the arguments, throwing IllegalArgumentException for bad ones
   */
  static <O> int run(
      String command,
      String usage,
      Supplier<O> parse,
      Predicate<O> wantsHelp,
      Work<O> work,
      PrintStream out,
      PrintStream err) {
    O options;
    try {
      options = parse.get();
    } catch (IllegalArgumentException e) {
      err.println(command + ": " + e.getMessage());
      err.print(usage);
      return 2;
    }
    if (wantsHelp.test(options)) {
      out.print(usage);
      return 0;
    }
    try {
      return work.run(options);
    } catch (ConfigException | UnreadableManifestException e) {
      err.println(command + ": " + e.getMessage());
      return 2;
    }
  }
}
