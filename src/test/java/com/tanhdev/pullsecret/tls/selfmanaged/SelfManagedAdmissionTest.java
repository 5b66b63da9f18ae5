package com.tanhdev.pullsecret.tls.selfmanaged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tanhdev.pullsecret.app.WebhookProcess;
import com.tanhdev.pullsecret.config.ConfigLoader;
import com.tanhdev.pullsecret.config.WebhookConfig;
import com.tanhdev.pullsecret.lookup.FakeSecretLookup;
import com.tanhdev.pullsecret.testing.RawReviews;
import com.tanhdev.pullsecret.tls.selfmanaged.AdmissionCaller.Answer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The production request path served by self-managed certificates, called the way the API server
 * calls it: over TLS, trusting only the caBundle in the webhook configuration at that moment.
 */
@EnableKubernetesMockClient(crud = true)
class SelfManagedAdmissionTest {

  private static final String REVIEW_UID = "705ab4f5-6393-11e8-b7cc-42010a800002";
  // Short enough for a test to watch a whole rotation, in the production ratio of overlap to
  // check interval or wider, so that the test relies on no more than production does.
  private static final Duration CHECK_INTERVAL = Duration.ofMillis(100);
  private static final Duration OVERLAP = Duration.ofSeconds(2);
  // API servers see a new caBundle through an informer, a little late; the overlap covers that.
  private static final Duration API_SERVER_LAG = Duration.ofMillis(300);
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final int CALLS_PER_REPLICA = 10;

  KubernetesClient client;

  private WebhookCluster cluster;
  private final Deque<AutoCloseable> running = new ArrayDeque<>(); // last started first

  @BeforeEach
  void installChart() {
    cluster = new WebhookCluster(client);
    cluster.installWebhookConfiguration(1);
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable closeable : running) {
      closeable.close();
    }
  }

  @Test
  void an_empty_secret_and_a_webhook_configuration_without_ca_bundle_end_with_working_admissions()
      throws Exception {
    assertThat(cluster.caBundlePem()).isEmpty();

    int port = startReplica();

    Answer answer = AdmissionCaller.post(port, cluster.caBundlePem(), RawReviews.podReview());
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).contains(REVIEW_UID).contains("\"patchType\":\"JSONPatch\"");
  }

  @Test
  void a_forced_ca_rotation_under_a_stream_of_admissions_fails_none() throws Exception {
    List<Integer> ports = List.of(startReplica(), startReplica());
    X509Certificate oldCa = cluster.secretCas().get(0);
    byte[] review = RawReviews.podReview();
    List<Answer> answers = new CopyOnWriteArrayList<>();
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    AtomicBoolean calling = new AtomicBoolean(true);
    Thread caller =
        new Thread(
            () -> {
              LaggingView<String> caBundle =
                  new LaggingView<>(cluster::caBundlePem, API_SERVER_LAG);
              while (calling.get()) {
                for (int port : ports) {
                  try {
                    answers.add(AdmissionCaller.post(port, caBundle.get(), review));
                  } catch (Exception e) {
                    failures.add(e);
                  }
                }
              }
            },
            "api-server");
    caller.start();
    try {
      await().atMost(PATIENCE).until(() -> answers.size() >= ports.size() * CALLS_PER_REPLICA);

      cluster.requestCaRotation();

      await()
          .atMost(PATIENCE)
          .until(
              () -> {
                List<X509Certificate> cas = cluster.secretCas();
                return cas.size() == 1 && !cas.get(0).equals(oldCa);
              });
      X509Certificate newCa = cluster.secretCas().get(0);
      int answersBeforeDrop = answers.size();
      await()
          .atMost(PATIENCE)
          .until(() -> answers.size() >= answersBeforeDrop + ports.size() * CALLS_PER_REPLICA);

      calling.set(false);
      caller.join();
      assertThat(failures).isEmpty();
      assertThat(answers)
          .allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200))
          .anySatisfy(answer -> assertThat(issuedBy(answer, oldCa)).isTrue())
          .anySatisfy(answer -> assertThat(issuedBy(answer, newCa)).isTrue());
      assertThat(answers.subList(answersBeforeDrop, answers.size()))
          .allSatisfy(answer -> assertThat(issuedBy(answer, newCa)).isTrue());
    } finally {
      calling.set(false);
      caller.join();
    }
  }

  private static boolean issuedBy(Answer answer, X509Certificate ca) {
    return CertificateBundle.isIssuedBy(answer.servedCertificate(), ca);
  }

  /** One webhook replica: its own certificate source and server, sharing the cluster. */
  private int startReplica() throws Exception {
    String yaml = "server:\n  host: 127.0.0.1\n  port: 0\n  healthPort: 0\n";
    WebhookConfig config =
        new ConfigLoader().parse(yaml.getBytes(StandardCharsets.UTF_8), "test", Map.of());
    WebhookProcess replica =
        WebhookProcess.builder(config)
            .client(client)
            .certificates(
                SelfManagedCertificateSource.create(
                    client, TestSettings.withTiming(OVERLAP, CHECK_INTERVAL), Clock.systemUTC()))
            .lookup(new FakeSecretLookup().present("auth-dev", "registry-api-tanhdev"))
            .start();
    running.push(replica);
    return replica.webhookPort();
  }
}
