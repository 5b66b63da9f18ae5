package com.tanhdev.pullsecret.training;

import com.tanhdev.pullsecret.app.WebhookProcess;
import com.tanhdev.pullsecret.config.ConfigSource;
import com.tanhdev.pullsecret.config.ProcessEnvironment;
import com.tanhdev.pullsecret.http.JettyProcessDefaults;
import com.tanhdev.pullsecret.kube.KubernetesClients;
import com.tanhdev.pullsecret.pki.CertificateAuthority;
import com.tanhdev.pullsecret.pki.IssuedCertificate;
import com.tanhdev.pullsecret.pki.KeyAlgorithm;
import com.tanhdev.pullsecret.pki.SubjectAlternativeNames;
import com.tanhdev.pullsecret.tls.TlsProcessDefaults;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The training run of the image's AOT cache: the image build runs it once with {@code
 * -XX:AOTCacheOutput} (see the Dockerfile), and the JVM keeps the classes it loaded and linked and
 * the profiles of the methods it ran, so that {@code serve} starts from them. It runs what a
 * webhook pod runs, with nothing from outside: a generated certificate, a config file, informers
 * against a stand-in API server, then reviews over HTTPS, probes and a scrape, and a clean close.
 */
public final class TrainingRun {

  private static final String SECRET = "registry-api-tanhdev";
  private static final Duration SYNC_LIMIT = Duration.ofSeconds(60);

  /** Reviews per kept-alive caller: enough for the JIT to profile the request path at its top. */
  private static final int REVIEWS_PER_CALLER = 1_000;

  private static final int DIALS = 100;

  private TrainingRun() {}

  public static void main(String[] args) throws Exception {
    // One JSON line per review would flood the build's output; the lines are still encoded and
    // written, so the logging path is trained like the rest.
    PrintStream console = System.err;
    System.setOut(new PrintStream(OutputStream.nullOutputStream()));
    long start = System.nanoTime();
    TlsProcessDefaults.apply();
    JettyProcessDefaults.apply();
    Path dir = Files.createTempDirectory("pullsecret-training");
    try {
      int reviews = train(dir);
      console.printf(
          "training run: %d reviews in %d ms%n",
          reviews, Duration.ofNanos(System.nanoTime() - start).toMillis());
    } finally {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
      Files.delete(dir);
    }
    System.exit(0); // the HTTP client's selector threads would otherwise linger
  }

  private static int train(Path dir) throws Exception {
    CertificateAuthority authority =
        CertificateAuthority.create(
            "pullsecret-webhook training CA",
            KeyAlgorithm.EC_P256,
            Duration.ofHours(1),
            Clock.systemUTC());
    IssuedCertificate serving =
        authority.issueServingCertificate(
            new SubjectAlternativeNames(List.of("localhost"), List.of("127.0.0.1")),
            KeyAlgorithm.EC_P256,
            Duration.ofHours(1));
    Files.writeString(dir.resolve("tls.crt"), serving.certificatePem());
    Files.writeString(dir.resolve("tls.key"), serving.privateKeyPem());
    Path config = Files.writeString(dir.resolve("config.yaml"), config(dir));
    try (TrainingApiServer api = new TrainingApiServer(SECRET).start();
        KubernetesClient client =
            KubernetesClients.builder()
                .withConfig(
                    new ConfigBuilder(Config.empty())
                        .withMasterUrl(api.url())
                        .withOnlyHttpWatches(true)
                        .build())
                .build();
        WebhookProcess process =
            WebhookProcess.builder(
                    ConfigSource.of(Optional.of(config), new ProcessEnvironment(Map.of())))
                .client(client)
                .start()) {
      awaitReady(process);
      return new TrainingTraffic(
              trusting(authority.root()), process.webhookPort(), process.healthPort())
          .send(REVIEWS_PER_CALLER, DIALS);
    }
  }

  private static String config(Path dir) {
    return """
        rules:
          - registry: registry-api.tanhdev.com
            secret: %s
        server:
          host: 127.0.0.1
          port: 0
          healthPort: 0
          tlsCertFile: %s
          tlsKeyFile: %s
        """
        .formatted(SECRET, dir.resolve("tls.crt"), dir.resolve("tls.key"));
  }

  private static void awaitReady(WebhookProcess process) throws InterruptedException {
    long giveUp = System.nanoTime() + SYNC_LIMIT.toNanos();
    while (!process.isReady()) {
      if (System.nanoTime() > giveUp) {
        throw new IllegalStateException("the secret cache did not sync from the stand-in");
      }
      Thread.sleep(10);
    }
  }

  private static SSLContext trusting(IssuedCertificate ca) throws Exception {
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    trusted.setCertificateEntry("ca", ca.certificate());
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }
}
