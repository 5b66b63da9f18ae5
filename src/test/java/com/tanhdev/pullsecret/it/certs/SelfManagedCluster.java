package com.tanhdev.pullsecret.it.certs;

import com.tanhdev.pullsecret.kube.TestNamespace;
import com.tanhdev.pullsecret.pki.KeyAlgorithm;
import com.tanhdev.pullsecret.pki.PemCodec;
import com.tanhdev.pullsecret.pki.SubjectAlternativeNames;
import com.tanhdev.pullsecret.pki.TlsMaterialException;
import com.tanhdev.pullsecret.tls.selfmanaged.BundleSecretFormat;
import com.tanhdev.pullsecret.tls.selfmanaged.SelfManagedSettings;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The self-managed webhook's home namespace and what an operator sees of it: the Secret, and the
 * caBundle of every entry of the webhook configuration.
 */
final class SelfManagedCluster {

  static final String SECRET_NAME = "pullsecret-webhook-tls";

  // Short enough to watch a whole rotation in seconds, still in the production ratio of overlap
  // to check interval or wider (the settings refuse less than three intervals per overlap).
  private static final Duration CHECK_INTERVAL = Duration.ofMillis(200);
  private static final Duration OVERLAP = Duration.ofSeconds(2);

  private final KubernetesClient client;
  private final String configurationName;
  private final TestNamespace home;

  SelfManagedCluster(KubernetesClient client, String configurationName) {
    this.client = client;
    this.configurationName = configurationName;
    this.home = TestNamespace.create(client, "self-managed-home", Map.of());
  }

  /** Settings for replicas called at 127.0.0.1 or localhost. */
  SelfManagedSettings settings() {
    return new SelfManagedSettings(
        home.name(),
        SECRET_NAME,
        configurationName,
        new SubjectAlternativeNames(List.of("localhost"), List.of("127.0.0.1")),
        KeyAlgorithm.EC_P256,
        Duration.ofDays(30),
        Duration.ofDays(3),
        OVERLAP,
        CHECK_INTERVAL);
  }

  Secret secret() {
    return client.secrets().inNamespace(home.name()).withName(SECRET_NAME).get();
  }

  /** The Secret's {@code ca.crt}: every CA the webhook wants trusted. */
  List<X509Certificate> secretCas() {
    return certificates(secret().getData().get(BundleSecretFormat.CA_CERT));
  }

  /** The CAs in the caBundle of each webhook entry, in entry order; empty where there is none. */
  List<List<X509Certificate>> caBundles() {
    return client
        .admissionRegistration()
        .v1()
        .mutatingWebhookConfigurations()
        .withName(configurationName)
        .get()
        .getWebhooks()
        .stream()
        .map(webhook -> webhook.getClientConfig().getCaBundle())
        .map(base64 -> base64 == null ? List.<X509Certificate>of() : certificates(base64))
        .toList();
  }

  /** What the README tells an operator to run to rotate the CA now. */
  void requestCaRotation() {
    client
        .secrets()
        .inNamespace(home.name())
        .withName(SECRET_NAME)
        .edit(
            secret ->
                new SecretBuilder(secret)
                    .editMetadata()
                    .addToAnnotations(BundleSecretFormat.ROTATE_CA, "now")
                    .endMetadata()
                    .build());
  }

  private static List<X509Certificate> certificates(String base64Pem) {
    try {
      return PemCodec.decodeCertificates("test", Base64.getDecoder().decode(base64Pem));
    } catch (TlsMaterialException e) {
      throw new AssertionError(e);
    }
  }
}
