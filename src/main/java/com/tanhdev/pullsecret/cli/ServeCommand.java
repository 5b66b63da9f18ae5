package com.tanhdev.pullsecret.cli;

import com.tanhdev.pullsecret.app.WebhookApplication;
import com.tanhdev.pullsecret.config.CertificateMode;
import com.tanhdev.pullsecret.config.CertificateSettings;
import com.tanhdev.pullsecret.config.ConfigException;
import com.tanhdev.pullsecret.config.ConfigLoader;
import com.tanhdev.pullsecret.config.ConfigWatcher;
import com.tanhdev.pullsecret.config.WebhookConfig;
import com.tanhdev.pullsecret.lookup.InformerNamespaceLabels;
import com.tanhdev.pullsecret.lookup.InformerSecretLookup;
import com.tanhdev.pullsecret.metrics.WebhookMetrics;
import com.tanhdev.pullsecret.tls.CertificateSource;
import com.tanhdev.pullsecret.tls.FileCertificateSource;
import com.tanhdev.pullsecret.tls.TlsMaterialException;
import com.tanhdev.pullsecret.tls.TlsProcessDefaults;
import com.tanhdev.pullsecret.tls.selfmanaged.SelfManagedCertificateSource;
import com.tanhdev.pullsecret.tls.selfmanaged.SelfManagedSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code serve}: the composition root. It only wires config -> client -> TLS -> lookup -> app, and
 * undoes it in reverse on SIGTERM (stop accepting, finish in-flight reviews, exit).
 */
final class ServeCommand {

  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
  private static final Duration FILE_POLL = Duration.ofSeconds(2);
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
    Map<String, String> env = System.getenv();
    Path configFile;
    try {
      configFile = configFile(args, env);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.print(USAGE);
      return 2;
    }
    try {
      start(configFile, env);
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

  private static void start(Path configFile, Map<String, String> env) throws TlsMaterialException {
    ConfigLoader loader = new ConfigLoader();
    WebhookConfig config =
        configFile != null ? loader.load(configFile, env) : loader.loadEmbedded(env);
    WebhookMetrics metrics = new WebhookMetrics();
    KubernetesClient client = new KubernetesClientBuilder().build();
    CertificateSource certificates = certificateSource(config, client, env);
    certificates.start();
    metrics.certificateExpiry(
        () -> certificates.notAfter().map(Instant::getEpochSecond).orElse(0L));
    InformerSecretLookup lookup =
        new InformerSecretLookup(
            client, config.policy().registriesBySecret(), config.policy().lookupTimeout());
    lookup.start();
    InformerNamespaceLabels namespaceLabels =
        new InformerNamespaceLabels(client, config.policy().lookupTimeout());
    WebhookApplication app =
        new WebhookApplication(
                config,
                lookup,
                namespaceLabels,
                certificates.sslContextFactory(),
                certificates::isReady,
                metrics)
            .start();
    ConfigWatcher watcher =
        configFile == null
            ? null
            : new ConfigWatcher(
                configFile,
                env,
                loader,
                policy -> {
                  lookup.watchAlso(policy.registriesBySecret());
                  app.replacePolicy(policy);
                },
                metrics::configReload);
    if (watcher != null) {
      watcher.start(FILE_POLL);
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("shutting down: finishing in-flight reviews");
                  app.close();
                  if (watcher != null) {
                    watcher.close();
                  }
                  lookup.close();
                  namespaceLabels.close();
                  certificates.close();
                  client.close();
                },
                "shutdown"));
    LOG.info(
        "pullsecret-webhook serving on :{} (health :{}), {} rule(s), mode {}",
        app.webhookPort(),
        app.healthPort(),
        config.policy().rules().size(),
        config.policy().mode());
  }

  private static CertificateSource certificateSource(
      WebhookConfig config, KubernetesClient client, Map<String, String> env) {
    CertificateSettings certificates = config.certificates();
    if (certificates.mode() == CertificateMode.FILES) {
      return new FileCertificateSource(
          config.server().tlsCertFile(),
          config.server().tlsKeyFile(),
          FILE_POLL,
          Clock.systemUTC());
    }
    String namespace = env.getOrDefault("PULLSECRET_NAMESPACE", client.getNamespace());
    if (namespace == null || namespace.isBlank()) {
      throw new ConfigException(
          "the environment",
          List.of(
              "PULLSECRET_NAMESPACE: certificates.mode selfManaged needs the pod's namespace"
                  + " (the chart sets it from metadata.namespace)"));
    }
    return SelfManagedCertificateSource.create(
        client,
        SelfManagedSettings.defaults(
            namespace,
            certificates.secretName(),
            certificates.webhookConfigurationName(),
            certificates.serviceName()),
        Clock.systemUTC());
  }

  private static Path configFile(List<String> args, Map<String, String> env) {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--config")) {
        if (i + 1 >= args.size()) {
          throw new IllegalArgumentException("--config needs a file");
        }
        return Path.of(args.get(i + 1));
      }
      if (arg.startsWith("--config=")) {
        return Path.of(arg.substring("--config=".length()));
      }
      throw new IllegalArgumentException("unknown option: " + arg);
    }
    String fromEnv = env.get("PULLSECRET_CONFIG");
    return fromEnv == null || fromEnv.isBlank() ? null : Path.of(fromEnv);
  }
}
