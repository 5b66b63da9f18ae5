package com.tanhdev.pullsecret.cli;

import com.tanhdev.pullsecret.app.WebhookProcess;
import com.tanhdev.pullsecret.config.ConfigException;
import com.tanhdev.pullsecret.config.ConfigSource;
import com.tanhdev.pullsecret.config.ProcessEnvironment;
import com.tanhdev.pullsecret.http.JettyProcessDefaults;
import com.tanhdev.pullsecret.pki.TlsMaterialException;
import com.tanhdev.pullsecret.tls.TlsProcessDefaults;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code serve}: parses its options and runs the {@link WebhookProcess} until SIGTERM. */
final class ServeCommand {

  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
  private static final String USAGE =
      """
      Usage: pullsecret-webhook serve [--config FILE]

        --config FILE   YAML configuration (default: $PULLSECRET_CONFIG, else the embedded default)
      Environment overrides: PULLSECRET_RULES, PULLSECRET_MODE, PULLSECRET_MISSING_SECRET, ...
      (see the README's configuration reference).
      """;

  int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.contains("--help")) {
      out.print(USAGE);
      return 0;
    }
    TlsProcessDefaults.apply();
    JettyProcessDefaults.apply();
    ConfigSource source;
    try {
      source = ConfigSource.of(configFile(args), ProcessEnvironment.current());
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.print(USAGE);
      return 2;
    }
    try {
      WebhookProcess.builder(source).start().closeAtShutdown();
      return 0;
    } catch (ConfigException | TlsMaterialException e) {
      err.println("pullsecret-webhook: refusing to start: " + e.getMessage());
      return 2;
    } catch (RuntimeException e) {
      // A port in use, an unreachable API server: say so and exit, rather than leave a process
      // whose non-daemon client threads keep it alive without a server.
      LOG.error("failed to start", e);
      err.println("pullsecret-webhook: failed to start: " + e);
      return 1;
    }
  }

  private static Optional<Path> configFile(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--config")) {
        if (i + 1 >= args.size()) {
          throw new IllegalArgumentException("--config needs a file");
        }
        return Optional.of(Path.of(args.get(i + 1)));
      }
      if (arg.startsWith("--config=")) {
        return Optional.of(Path.of(arg.substring("--config=".length())));
      }
      throw new IllegalArgumentException("unknown option: " + arg);
    }
    return Optional.empty();
  }
}
