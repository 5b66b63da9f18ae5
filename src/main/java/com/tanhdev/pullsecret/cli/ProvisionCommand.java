package com.tanhdev.pullsecret.cli;

import com.tanhdev.pullsecret.config.ConfigException;
import com.tanhdev.pullsecret.config.ConfigLoader;
import com.tanhdev.pullsecret.config.ProvisionerIdentity;
import com.tanhdev.pullsecret.config.WebhookConfig;
import com.tanhdev.pullsecret.provision.controller.ProvisionerProcess;
import com.tanhdev.pullsecret.provision.controller.ProvisionerTimings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        options -> options.help(),
        options -> start(options.configFile(), System.getenv(), err),
        out,
        err);
  }

  private record Options(Path configFile, boolean help) {}

  private static Options options(List<String> args) {
    Path file = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--help") || arg.equals("-h")) {
        return new Options(null, true);
      } else if (arg.equals("--config") && i + 1 < args.size()) {
        file = Path.of(args.get(++i));
      } else if (arg.startsWith("--config=")) {
        file = Path.of(arg.substring("--config=".length()));
      } else {
        throw new IllegalArgumentException(
            arg.equals("--config") ? "--config needs a file" : "unknown option: " + arg);
      }
    }
    return new Options(file, false);
  }

  private static int start(Path option, Map<String, String> env, PrintStream err) {
    String fromEnv = env.get("PULLSECRET_CONFIG");
    Path configFile =
        option != null ? option : fromEnv == null || fromEnv.isBlank() ? null : Path.of(fromEnv);
    WebhookConfig config = new ConfigLoader().loadOrEmbedded(configFile, env);
    KubernetesClient client = new KubernetesClientBuilder().build();
    ProvisionerProcess process;
    try {
      ProvisionerIdentity identity =
          ProvisionerIdentity.fromEnvironment(env, client.getNamespace());
      process =
          ProvisionerProcess.start(
              config, configFile, env, client, identity, ProvisionerTimings.defaults());
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
    LOG.info(
        "pullsecret-webhook provisioning {} secret(s), health :{}",
        config.provisioning().secrets().size(),
        process.healthPort());
    return 0;
  }
}
