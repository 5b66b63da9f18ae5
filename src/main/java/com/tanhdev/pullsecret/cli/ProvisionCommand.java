package com.tanhdev.pullsecret.cli;

import com.tanhdev.pullsecret.config.ConfigException;
import com.tanhdev.pullsecret.config.ConfigSource;
import com.tanhdev.pullsecret.config.ProcessEnvironment;
import com.tanhdev.pullsecret.config.ProvisionerIdentity;
import com.tanhdev.pullsecret.http.JettyProcessDefaults;
import com.tanhdev.pullsecret.kube.KubernetesClients;
import com.tanhdev.pullsecret.provision.controller.ProvisionerProcess;
import com.tanhdev.pullsecret.provision.controller.ProvisionerTimings;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code provision}: parses its options and hands over to {@link ProvisionerProcess}, the one
 * assembly the tests run too; on SIGTERM it stops writing, releases the Lease and exits.
 */
final class ProvisionCommand {

  private static final Logger LOG = LoggerFactory.getLogger(ProvisionCommand.class);
  private static final String USAGE =
      """
      Usage: pullsecret-webhook provision [--config FILE]

        --config FILE   YAML configuration (default: $PULLSECRET_CONFIG, else the embedded default)
      Copies each rule's source secret into the selected namespaces and keeps the copies in sync.
      Needs PULLSECRET_NAMESPACE (the release namespace, for the Lease); PULLSECRET_POD_NAME names
      this replica in leader election. Serves /healthz, /readyz and /metrics on server.healthPort.
      """;

  int run(List<String> args, PrintStream out, PrintStream err) {
    return CommandFrame.run(
        "provision",
        USAGE,
        () -> options(args),
        Options::help,
        options -> start(ConfigSource.of(options.configFile(), ProcessEnvironment.current()), err),
        out,
        err);
  }

  private record Options(Optional<Path> configFile, boolean help) {}

  private static Options options(List<String> args) {
    Optional<Path> file = Optional.empty();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--help") || arg.equals("-h")) {
        return new Options(Optional.empty(), true);
      } else if (arg.equals("--config") && i + 1 < args.size()) {
        file = Optional.of(Path.of(args.get(++i)));
      } else if (arg.startsWith("--config=")) {
        file = Optional.of(Path.of(arg.substring("--config=".length())));
      } else {
        throw new IllegalArgumentException(
            arg.equals("--config") ? "--config needs a file" : "unknown option: " + arg);
      }
    }
    return new Options(file, false);
  }

  private static int start(ConfigSource source, PrintStream err) {
    source.load(); // a bad config is refused before any connection is made
    JettyProcessDefaults.apply();
    KubernetesClient client = KubernetesClients.create();
    ProvisionerProcess process;
    try {
      ProvisionerIdentity identity =
          ProvisionerIdentity.of(source.environment(), client.getNamespace());
      process = ProvisionerProcess.start(source, client, identity, ProvisionerTimings.defaults());
    } catch (ConfigException e) {
      client.close();
      throw e;
    } catch (RuntimeException e) {
      LOG.error("failed to start", e);
      err.println("provision: failed to start: " + e);
      client.close();
      return 1;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("shutting down: releasing the Lease");
                  process.close();
                  client.close();
                },
                "shutdown"));
    LOG.info("pullsecret-webhook provisioning, health :{}", process.healthPort());
    return 0;
  }
}
