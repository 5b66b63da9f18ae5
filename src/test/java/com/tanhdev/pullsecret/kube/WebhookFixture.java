package com.tanhdev.pullsecret.kube;

import static org.awaitility.Awaitility.await;

import com.tanhdev.pullsecret.app.WebhookProcess;
import com.tanhdev.pullsecret.config.WebhookConfig;
import com.tanhdev.pullsecret.pki.CertificateAuthority;
import com.tanhdev.pullsecret.pki.IssuedCertificate;
import com.tanhdev.pullsecret.pki.PemFiles;
import com.tanhdev.pullsecret.pki.TlsMaterialException;
import com.tanhdev.pullsecret.testing.Loopback;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.WebhookClientConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The webhook as the API server sees it in production: the production process on loopback, serving
 * a generated certificate, looking secrets up through informers on the test API server, and
 * registered with a MutatingWebhookConfiguration. Only namespaces made by {@link #newNamespace} are
 * sent to it.
 */
public final class WebhookFixture implements AutoCloseable {

  /** The secret the default rule names. */
  public static final String SECRET = "registry-api-tanhdev";

  private static final String SELECTOR_LABEL = "pullsecret-webhook.test/fixture";
  private static final Duration VALIDITY = Duration.ofDays(1);
  private static final Duration TAKES_EFFECT_TIMEOUT = Duration.ofSeconds(30);

  /** What the API server does when it cannot reach the webhook. */
  public enum FailurePolicy {
    FAIL,
    IGNORE;

    String wireName() {
      return this == FAIL ? "Fail" : "Ignore";
    }
  }

  private final KubernetesClient client;
  private final String id;
  private final Teardown teardown;
  private final WebhookProcess process;
  private final WebhookRegistration registration;

  private WebhookFixture(
      KubernetesClient client,
      String id,
      Teardown teardown,
      WebhookProcess process,
      WebhookRegistration registration) {
    this.client = client;
    this.id = id;
    this.teardown = teardown;
    this.process = process;
    this.registration = registration;
  }

  /**
   * Starts the webhook, registers it, and returns once the API server demonstrably calls it: a
   * freshly created webhook configuration reaches the API server's cache a moment later.
   */
  public static WebhookFixture start(
      ControlPlane plane, WebhookConfigSource source, FailurePolicy failurePolicy) {
    String id = "webhook-" + TestNamespace.randomSuffix();
    KubernetesClient client = plane.client();
    Teardown teardown = new Teardown(id);
    try {
      Path dir = teardown.addDirectory(Files.createTempDirectory("pullsecret-webhook-"));
      CertificateAuthority ca = Loopback.authority(id + "-ca", VALIDITY);
      WebhookConfig config = source.load(listenOnLoopbackWith(servingCertificate(ca, dir)));
      WebhookProcess process = teardown.add(WebhookProcess.builder(config).client(client).start());
      await("the webhook is ready").atMost(TAKES_EFFECT_TIMEOUT).until(process::isReady);
      WebhookRegistration registration =
          new WebhookRegistration(
              id,
              SELECTOR_LABEL,
              id,
              process.webhookPort(),
              ca.root().certificatePem(),
              failurePolicy.wireName(),
              config.policy().kinds().keySet());
      WebhookFixture fixture = new WebhookFixture(client, id, teardown, process, registration);
      registration.apply(client);
      teardown.add(() -> registration.delete(client));
      fixture.awaitTakesEffect();
      return fixture;
    } catch (IOException e) {
      teardown.close();
      throw new UncheckedIOException("cannot write the webhook's certificate", e);
    } catch (TlsMaterialException e) {
      teardown.close();
      throw new IllegalStateException("the generated certificate was refused", e);
    } catch (RuntimeException e) {
      teardown.close();
      throw e;
    }
  }

  /** A fresh namespace whose objects the API server sends to this webhook. */
  public TestNamespace newNamespace(String prefix) {
    return TestNamespace.create(client, prefix, namespaceLabels());
  }

  /** The labels that make the API server send a namespace's objects to this webhook. */
  public Map<String, String> namespaceLabels() {
    return Map.of(SELECTOR_LABEL, id);
  }

  public KubernetesClient client() {
    return client;
  }

  /**
   * How the API server reaches this webhook (URL and CA bundle), for tests that register it once
   * more under a webhook configuration of their own, such as the one the Helm chart renders.
   */
  public WebhookClientConfig clientConfig() {
    return registration.clientConfig();
  }

  public ApiRequests api() {
    return new ApiRequests(client);
  }

  /** Stops the server but leaves it registered: the API server now meets a closed port. */
  public void stopServer() {
    process.close();
  }

  /** Deletes the registration, then stops the webhook. */
  @Override
  public void close() {
    teardown.close();
  }

  /**
   * Polls a server-side dry run of a registry pod until the webhook visibly answered it: it added
   * the secret, or (in report mode) it warned.
   */
  private void awaitTakesEffect() {
    TestNamespace probe = newNamespace("probe").withPullSecret(SECRET);
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName("probe")
            .withNamespace(probe.name())
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("app")
            .withImage("registry-api.tanhdev.com/probe/app:1")
            .endContainer()
            .endSpec()
            .build();
    ApiRequests api = api();
    await("the API server calls " + id)
        .atMost(TAKES_EFFECT_TIMEOUT)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> answeredByWebhook(api.dryRunCreate(pod)));
  }

  private static boolean answeredByWebhook(ApiAnswer answer) {
    if (answer.warnings().stream().anyMatch(w -> w.startsWith("pullsecret-webhook:"))) {
      return true;
    }
    return answer.succeeded()
        && !answer.object(Pod.class).getSpec().getImagePullSecrets().isEmpty();
  }

  /** Writes a certificate for 127.0.0.1 and returns the files as they go into the config. */
  private static Map<String, String> servingCertificate(CertificateAuthority ca, Path dir)
      throws IOException {
    IssuedCertificate serving = Loopback.servingCertificate(ca, VALIDITY);
    Path certFile = dir.resolve("tls.crt");
    Path keyFile = dir.resolve("tls.key");
    PemFiles.writeCertificates(certFile, List.of(serving.certificate()));
    PemFiles.writePrivateKey(keyFile, serving.key());
    return Map.of(
        "PULLSECRET_TLS_CERT_FILE", certFile.toString(),
        "PULLSECRET_TLS_KEY_FILE", keyFile.toString());
  }

  /** Environment overrides, as a deployment would set them: loopback, ephemeral ports. */
  private static Map<String, String> listenOnLoopbackWith(Map<String, String> tlsFiles) {
    Map<String, String> env = new HashMap<>(tlsFiles);
    env.put("PULLSECRET_HOST", "127.0.0.1");
    env.put("PULLSECRET_PORT", "0");
    env.put("PULLSECRET_HEALTH_PORT", "0");
    return env;
  }
}
