package com.tanhdev.pullsecret.load;

import ch.qos.logback.classic.LoggerContext;
import com.tanhdev.pullsecret.admission.JsonMappers;
import com.tanhdev.pullsecret.app.WebhookProcess;
import com.tanhdev.pullsecret.config.ConfigLoader;
import com.tanhdev.pullsecret.config.WebhookConfig;
import com.tanhdev.pullsecret.http.ErrorBodies;
import com.tanhdev.pullsecret.http.HealthEndpoints;
import com.tanhdev.pullsecret.http.JettyProcessDefaults;
import com.tanhdev.pullsecret.http.WebhookServer;
import com.tanhdev.pullsecret.logging.JsonLogging;
import com.tanhdev.pullsecret.metrics.WebhookMetrics;
import com.tanhdev.pullsecret.tls.FileCertificateSource;
import com.tanhdev.pullsecret.tls.TlsProcessDefaults;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.LoggerFactory;

/**
 * The server side of the load tests, in its own JVM with the container's flags. {@code webhook}
 * runs the production process (certificates from files, informers against the given API server)
 * with its lookup made pausable, plus a stall control port; {@code noop} puts {@link NoOpAdmission}
 * on the same server stack. Once listening, it writes its ports to a file.
 *
 * <p>Usage: {@code LoadTargetMain webhook|noop TLS_DIR PORTS_FILE [API_SERVER_URL]}
 */
public final class LoadTargetMain {

  private LoadTargetMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3 || !(args[0].equals("webhook") || args[0].equals("noop"))) {
      System.err.println("usage: LoadTargetMain webhook|noop TLS_DIR PORTS_FILE [API_SERVER_URL]");
      System.exit(2);
    }
    // Every review is logged as in a cluster, not as the tests' logback-test.xml would have it.
    JsonLogging.replace((LoggerContext) LoggerFactory.getILoggerFactory(), System.getenv());
    TlsProcessDefaults.apply();
    JettyProcessDefaults.apply();
    Path tlsDir = Path.of(args[1]);
    WebhookConfig config = new ConfigLoader().parse(yaml(tlsDir), "load test", Map.of());
    String ports = args[0].equals("webhook") ? startWebhook(config, args[3]) : startNoOp(config);
    Path portsFile = Path.of(args[2]);
    Path partial =
        Files.writeString(portsFile.resolveSibling(portsFile.getFileName() + ".tmp"), ports);
    Files.move(partial, portsFile, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The production process, its lookup made pausable; the stall control pauses it. */
  private static String startWebhook(WebhookConfig config, String apiServerUrl) throws Exception {
    KubernetesClient client =
        new KubernetesClientBuilder()
            .withConfig(new ConfigBuilder(Config.empty()).withMasterUrl(apiServerUrl).build())
            .build();
    AtomicReference<PausableSecretLookup> pausable = new AtomicReference<>();
    WebhookProcess process =
        WebhookProcess.builder(config)
            .client(client)
            .wrapLookup(
                informers -> pausable.updateAndGet(none -> new PausableSecretLookup(informers)))
            .start();
    StallControl control = StallControl.start(pausable.get());
    return ports(process.webhookPort(), process.healthPort(), control.port());
  }

  /** The same server stack around an admission that does nothing: the cost of the stack alone. */
  private static String startNoOp(WebhookConfig config) throws Exception {
    WebhookMetrics metrics = new WebhookMetrics();
    FileCertificateSource certificates =
        new FileCertificateSource(
            config.server().tlsCertFile(),
            config.server().tlsKeyFile(),
            FileCertificateSource.DEFAULT_POLL_INTERVAL,
            Clock.systemUTC());
    certificates.start();
    HealthEndpoints health = new HealthEndpoints(certificates::isReady, () -> true, metrics);
    WebhookServer server =
        new WebhookServer(
            config.server(),
            certificates.sslContextFactory(),
            new NoOpAdmission(),
            health,
            new ErrorBodies(JsonMappers.strict()),
            metrics);
    server.start();
    return ports(server.webhookPort(), server.healthPort(), -1);
  }

  private static byte[] yaml(Path tlsDir) {
    return ("""
        rules:
          - registry: registry-api.tanhdev.com
            secret: registry-api-tanhdev
        server:
          host: 127.0.0.1
          port: 0
          healthPort: 0
          tlsCertFile: %s
          tlsKeyFile: %s
        """)
        .formatted(tlsDir.resolve("tls.crt"), tlsDir.resolve("tls.key"))
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String ports(int webhook, int health, int control) {
    return "webhook=%d%nhealth=%d%ncontrol=%d%n".formatted(webhook, health, control);
  }
}
