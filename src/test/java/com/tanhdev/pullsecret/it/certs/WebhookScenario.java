package com.tanhdev.pullsecret.it.certs;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.awaitility.Awaitility.await;

import com.tanhdev.pullsecret.kube.ApiAnswer;
import com.tanhdev.pullsecret.kube.ApiRequests;
import com.tanhdev.pullsecret.kube.ControlPlane;
import com.tanhdev.pullsecret.kube.PodSpecs;
import com.tanhdev.pullsecret.kube.TestNamespace;
import com.tanhdev.pullsecret.kube.WebhookFixture;
import com.tanhdev.pullsecret.pki.TlsMaterialException;
import com.tanhdev.pullsecret.tls.CertificateSource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One test's slice of the shared API server: a namespace holding the pull secret, webhook
 * configurations that select that namespace only, and whatever the test started, stopped in reverse
 * order on {@link #close()} (the cluster-scoped configurations included).
 */
final class WebhookScenario implements AutoCloseable {

  static final String SECRET = WebhookFixture.SECRET;

  private static final String SELECTOR_LABEL = "pullsecret-webhook.test/certs";
  private static final String IMAGE = "registry-api.tanhdev.com/payment/api:2.4.1";
  private static final Duration TAKES_EFFECT_TIMEOUT = Duration.ofSeconds(30);

  private final KubernetesClient client;
  private final String selectorValue = UUID.randomUUID().toString();
  private final TestNamespace namespace;
  private final Deque<AutoCloseable> running = new ArrayDeque<>();
  private final AtomicInteger podNumber = new AtomicInteger();
  private UrlRegistration registration;

  WebhookScenario(ControlPlane plane, String prefix) {
    this.client = plane.client();
    this.namespace =
        TestNamespace.create(client, prefix, Map.of(SELECTOR_LABEL, selectorValue))
            .withPullSecret(SECRET);
  }

  KubernetesClient client() {
    return client;
  }

  /** The name of this test's webhook configuration, unique on the shared API server. */
  String configurationName() {
    return namespace.name();
  }

  /** Stops or deletes {@code closeable} when the scenario closes, before anything added earlier. */
  <T extends AutoCloseable> T track(T closeable) {
    running.push(closeable);
    return closeable;
  }

  /** Registers a webhook entry per URL, trusting {@code caBundle} (base64 PEM, null for none). */
  void register(String caBundle, List<String> urls) {
    UrlRegistration created =
        new UrlRegistration(configurationName(), SELECTOR_LABEL, selectorValue, caBundle, urls);
    created.apply(client);
    track(() -> created.delete(client));
    registration = created;
  }

  /**
   * Starts a webhook serving what {@code certificates} serves, registers it trusting the CA in
   * {@code caPem}, and returns once the API server demonstrably calls it.
   */
  LoopbackWebhook startRegistered(CertificateSource certificates, String caPem)
      throws TlsMaterialException {
    LoopbackWebhook webhook = track(LoopbackWebhook.start(client, certificates, 0));
    register(Base64.getEncoder().encodeToString(caPem.getBytes(US_ASCII)), List.of(webhook.url()));
    awaitAdmissionsWork();
    return webhook;
  }

  /** Points the registered webhook at another URL. */
  void repoint(String url) {
    registration.repoint(client, url);
  }

  /** Creates a pod pulling from the registry through the API server; the answer holds it. */
  ApiAnswer createPod() {
    return new ApiRequests(client).create(registryPod("pod-" + podNumber.incrementAndGet()));
  }

  /** Polls server-side dry runs until the API server demonstrably calls the webhook. */
  void awaitAdmissionsWork() {
    ApiRequests api = new ApiRequests(client);
    await("the API server calls the webhook of " + configurationName())
        .atMost(TAKES_EFFECT_TIMEOUT)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> isInjected(api.dryRunCreate(registryPod("probe"))));
  }

  /** Every pod stored in the namespace, as the API server keeps it. */
  List<Pod> storedPods() {
    return client.pods().inNamespace(namespace.name()).list().getItems();
  }

  static boolean isInjected(ApiAnswer answer) {
    return answer.succeeded() && hasSecret(answer.object(Pod.class));
  }

  static boolean hasSecret(Pod pod) {
    return PodSpecs.pullSecretNames(pod).contains(SECRET);
  }

  /**
   * Distinct ports that were free a moment ago, for webhooks whose URLs must be registered before
   * they start. Another process could take one in between; nothing on loopback does while the tests
   * run.
   */
  static List<Integer> reservePorts(int count) {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
      }
      return sockets.stream().map(ServerSocket::getLocalPort).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on loopback", e);
    } finally {
      for (ServerSocket socket : sockets) {
        try {
          socket.close();
        } catch (IOException e) {
          // The port is free again either way.
        }
      }
    }
  }

  static String url(int port) {
    return "https://127.0.0.1:" + port + "/mutate";
  }

  @Override
  public void close() {
    while (!running.isEmpty()) {
      try {
        running.pop().close();
      } catch (Exception e) {
        // One failed step must not keep a webhook configuration behind.
        System.err.println("cleanup step failed: " + e);
      }
    }
  }

  private Pod registryPod(String name) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace.name())
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage(IMAGE)
        .endContainer()
        .endSpec()
        .build();
  }
}
