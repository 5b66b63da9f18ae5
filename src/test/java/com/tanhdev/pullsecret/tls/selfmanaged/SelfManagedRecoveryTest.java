package com.tanhdev.pullsecret.tls.selfmanaged;

import static org.assertj.core.api.Assertions.assertThat;

import com.tanhdev.pullsecret.testing.CapturedLogs;
import com.tanhdev.pullsecret.testing.MutableClock;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What happens when the Secret or the webhook configuration is not as the webhook left it. */
@EnableKubernetesMockClient(crud = true)
class SelfManagedRecoveryTest {

  KubernetesClient client;

  private final MutableClock clock = new MutableClock(Instant.now());
  @RegisterExtension final Replicas replicas = new Replicas(() -> client, clock);
  private WebhookCluster cluster;

  @BeforeEach
  void installChart() {
    cluster = new WebhookCluster(client);
    cluster.installWebhookConfiguration(1);
  }

  @Test
  void the_switch_to_the_new_ca_waits_while_the_webhook_configuration_cannot_be_updated()
      throws Exception {
    SelfManagedCertificateSource replica = replicas.start();
    X509Certificate oldServing = cluster.secretServingCertificate();
    cluster.requestCaRotation();
    client
        .admissionRegistration()
        .v1()
        .mutatingWebhookConfigurations()
        .withName(TestSettings.CONFIGURATION)
        .delete();

    replica.tick();
    clock.advance(TestSettings.OVERLAP.multipliedBy(2));
    replica.tick();

    assertThat(cluster.secretCas()).hasSize(2);
    assertThat(cluster.secretServingCertificate()).isEqualTo(oldServing);
  }

  @Test
  void a_cleared_ca_bundle_is_published_again() throws Exception {
    SelfManagedCertificateSource replica = replicas.start();
    List<X509Certificate> cas = cluster.secretCas();

    cluster.clearCaBundles();
    replica.tick();

    assertThat(cluster.caBundles()).containsOnly(cas);
  }

  @Test
  void a_secret_with_an_unreadable_ca_is_replaced_with_a_new_ca() throws Exception {
    SelfManagedCertificateSource replica = replicas.start();
    X509Certificate oldCa = cluster.secretCas().get(0);
    cluster.overwriteSecretEntry(BundleSecretFormat.CA_CERT, "-----BEGIN CERTIFICATE-----\nbad");

    try (CapturedLogs logs = new CapturedLogs(CertificateReconciler.class)) {
      replica.tick();

      assertThat(logs.errors())
          .singleElement()
          .asString()
          .contains("Secret pullsecret-system/pullsecret-webhook-tls holds no usable CA")
          .contains("ca.crt: malformed or truncated PEM")
          .doesNotContain("PRIVATE KEY");
    }
    List<X509Certificate> cas = cluster.secretCas();
    assertThat(cas).hasSize(1).doesNotContain(oldCa);
    assertThat(cluster.caBundles()).containsOnly(cas);
    assertThat(replica.notAfter())
        .contains(cluster.secretServingCertificate().getNotAfter().toInstant());
  }

  @Test
  void a_secret_with_an_unreadable_serving_certificate_keeps_its_ca() throws Exception {
    SelfManagedCertificateSource replica = replicas.start();
    List<X509Certificate> cas = cluster.secretCas();
    X509Certificate oldServing = cluster.secretServingCertificate();
    cluster.overwriteSecretEntry(BundleSecretFormat.TLS_KEY, "not a key");

    replica.tick();

    assertThat(cluster.secretCas()).isEqualTo(cas);
    X509Certificate newServing = cluster.secretServingCertificate();
    assertThat(newServing).isNotEqualTo(oldServing);
    assertThat(CertificateBundle.isIssuedBy(newServing, cas.get(0))).isTrue();
  }
}
