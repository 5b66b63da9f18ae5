package com.tanhdev.pullsecret.tls.selfmanaged;

import static org.assertj.core.api.Assertions.assertThat;

import com.tanhdev.pullsecret.testing.MutableClock;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Replicas against a CRUD mock API server, driven by a clock the test moves. */
@EnableKubernetesMockClient(crud = true)
class SelfManagedCertificateSourceTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  KubernetesClient client;

  private final MutableClock clock = new MutableClock(Instant.now());
  @RegisterExtension final Replicas replicas = new Replicas(() -> client, clock);
  private WebhookCluster cluster;

  @BeforeEach
  void installChart() {
    cluster = new WebhookCluster(client);
    cluster.installWebhookConfiguration(2);
  }

  @Test
  void an_empty_start_creates_the_secret_and_publishes_its_ca_to_every_webhook() throws Exception {
    SelfManagedCertificateSource replica = replicas.start();

    List<X509Certificate> cas = cluster.secretCas();
    assertThat(cas).hasSize(1);
    assertThat(cluster.caBundles()).containsExactly(cas, cas);
    X509Certificate serving = cluster.secretServingCertificate();
    assertThat(CertificateBundle.isIssuedBy(serving, cas.get(0))).isTrue();
    assertThat(cluster.secret().getType()).isEqualTo("kubernetes.io/tls");
    assertThat(replica.isReady()).isTrue();
    assertThat(replica.notAfter()).contains(serving.getNotAfter().toInstant());
  }

  @Test
  void a_second_replica_adopts_the_stored_ca() throws Exception {
    replicas.start();
    List<X509Certificate> cas = cluster.secretCas();
    X509Certificate serving = cluster.secretServingCertificate();

    SelfManagedCertificateSource second = replicas.start();

    assertThat(cluster.secretCas()).isEqualTo(cas);
    assertThat(cluster.secretServingCertificate()).isEqualTo(serving);
    assertThat(second.notAfter()).contains(serving.getNotAfter().toInstant());
  }

  @Test
  void replicas_starting_at_once_agree_on_one_ca() throws Exception {
    int count = 4;
    List<SelfManagedCertificateSource> racing = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      racing.add(replicas.create());
    }
    CountDownLatch ready = new CountDownLatch(count);
    ExecutorService threads = Executors.newFixedThreadPool(count);
    try {
      List<Future<Void>> starts = new ArrayList<>();
      for (SelfManagedCertificateSource replica : racing) {
        Callable<Void> start =
            () -> {
              ready.countDown();
              ready.await();
              replica.start();
              return null;
            };
        starts.add(threads.submit(start));
      }
      for (Future<Void> start : starts) {
        start.get();
      }
    } finally {
      threads.shutdownNow();
    }

    List<X509Certificate> cas = cluster.secretCas();
    assertThat(cas).hasSize(1);
    assertThat(cluster.caBundles()).containsOnly(cas);
    Instant served = cluster.secretServingCertificate().getNotAfter().toInstant();
    assertThat(racing).allSatisfy(replica -> assertThat(replica.notAfter()).contains(served));
  }

  @Test
  void the_serving_certificate_is_renewed_at_two_thirds_of_its_lifetime_by_the_same_ca()
      throws Exception {
    SelfManagedCertificateSource first = replicas.start();
    SelfManagedCertificateSource second = replicas.start();
    X509Certificate before = cluster.secretServingCertificate();
    String caBundle = cluster.caBundlePem();

    clock.set(RotationPlanner.renewalTime(before).minus(MINUTE));
    first.tick();
    assertThat(cluster.secretServingCertificate()).isEqualTo(before);

    clock.advance(MINUTE);
    first.tick();
    second.tick();

    X509Certificate after = cluster.secretServingCertificate();
    assertThat(after).isNotEqualTo(before);
    assertThat(CertificateBundle.isIssuedBy(after, cluster.secretCas().get(0))).isTrue();
    assertThat(cluster.caBundlePem()).isEqualTo(caBundle);
    assertThat(first.notAfter()).contains(after.getNotAfter().toInstant());
    assertThat(second.notAfter()).contains(after.getNotAfter().toInstant());
  }

  @Test
  void a_ca_rotation_trusts_the_new_ca_first_then_serves_from_it_then_drops_the_old_one()
      throws Exception {
    SelfManagedCertificateSource first = replicas.start();
    SelfManagedCertificateSource second = replicas.start();
    X509Certificate oldCa = cluster.secretCas().get(0);

    // The serving certificate was renewed every two days until then; this tick renews it too.
    clock.set(RotationPlanner.renewalTime(oldCa));
    first.tick();
    second.tick();
    List<X509Certificate> bothCas = cluster.secretCas();
    X509Certificate newCa = bothCas.get(0);
    assertThat(bothCas).containsExactly(newCa, oldCa);
    assertThat(cluster.caBundles()).containsOnly(bothCas);
    X509Certificate oldServing = cluster.secretServingCertificate();
    assertThat(CertificateBundle.isIssuedBy(oldServing, oldCa)).isTrue();
    assertThat(second.notAfter()).contains(oldServing.getNotAfter().toInstant());

    clock.advance(TestSettings.OVERLAP.minus(MINUTE));
    second.tick();
    first.tick();
    assertThat(cluster.secretServingCertificate()).isEqualTo(oldServing);

    clock.advance(MINUTE);
    second.tick();
    first.tick();
    X509Certificate newServing = cluster.secretServingCertificate();
    assertThat(CertificateBundle.isIssuedBy(newServing, newCa)).isTrue();
    assertThat(cluster.caBundles()).containsOnly(bothCas);
    assertThat(first.notAfter()).contains(newServing.getNotAfter().toInstant());
    assertThat(second.notAfter()).contains(newServing.getNotAfter().toInstant());

    clock.advance(TestSettings.OVERLAP);
    first.tick();
    second.tick();
    assertThat(cluster.secretCas()).containsExactly(newCa);
    assertThat(cluster.caBundles()).containsOnly(List.of(newCa));
    assertThat(cluster.secretServingCertificate()).isEqualTo(newServing);
  }

  @Test
  void a_rotation_requested_on_the_secret_brings_in_a_new_ca_at_once() throws Exception {
    SelfManagedCertificateSource replica = replicas.start();
    X509Certificate oldCa = cluster.secretCas().get(0);

    cluster.requestCaRotation();
    replica.tick();

    assertThat(cluster.secretCas()).hasSize(2).endsWith(oldCa);
    assertThat(cluster.secret().getMetadata().getAnnotations())
        .doesNotContainKey(BundleSecretFormat.ROTATE_CA);
  }
}
