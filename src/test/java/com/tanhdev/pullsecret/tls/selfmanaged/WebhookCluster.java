package com.tanhdev.pullsecret.tls.selfmanaged;

import static com.tanhdev.pullsecret.tls.selfmanaged.TestSettings.CONFIGURATION;
import static com.tanhdev.pullsecret.tls.selfmanaged.TestSettings.NAMESPACE;
import static com.tanhdev.pullsecret.tls.selfmanaged.TestSettings.SECRET;
import static java.nio.charset.StandardCharsets.US_ASCII;

import com.tanhdev.pullsecret.pki.PemCodec;
import com.tanhdev.pullsecret.pki.TlsMaterialException;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;

/** What an operator sees in the cluster: the Secret and the webhook configuration's caBundle. */
final class WebhookCluster {

  private final KubernetesClient client;

  WebhookCluster(KubernetesClient client) {
    this.client = client;
  }

  /** A webhook configuration as the chart installs it in selfManaged mode: no caBundle. */
  void installWebhookConfiguration(int webhooks) {
    List<MutatingWebhook> entries =
        IntStream.range(0, webhooks)
            .mapToObj(
                i ->
                    new MutatingWebhookBuilder()
                        .withName("inject" + i + ".pullsecret.tanhdev.com")
                        .withNewClientConfig()
                        .withNewService()
                        .withNamespace(NAMESPACE)
                        .withName("pullsecret-webhook")
                        .withPath("/mutate")
                        .endService()
                        .endClientConfig()
                        .build())
            .toList();
    MutatingWebhookConfiguration configuration =
        new MutatingWebhookConfigurationBuilder()
            .withNewMetadata()
            .withName(CONFIGURATION)
            .endMetadata()
            .withWebhooks(entries)
            .build();
    client
        .admissionRegistration()
        .v1()
        .mutatingWebhookConfigurations()
        .resource(configuration)
        .create();
  }

  /** The CAs in the caBundle of every webhook; empty lists where there is none. */
  List<List<X509Certificate>> caBundles() {
    return client
        .admissionRegistration()
        .v1()
        .mutatingWebhookConfigurations()
        .withName(CONFIGURATION)
        .get()
        .getWebhooks()
        .stream()
        .map(webhook -> webhook.getClientConfig().getCaBundle())
        .map(base64 -> base64 == null ? List.<X509Certificate>of() : certificates(base64))
        .toList();
  }

  /** The caBundle of the first webhook, as the API server would trust it. */
  String caBundlePem() {
    String base64 =
        client
            .admissionRegistration()
            .v1()
            .mutatingWebhookConfigurations()
            .withName(CONFIGURATION)
            .get()
            .getWebhooks()
            .get(0)
            .getClientConfig()
            .getCaBundle();
    return base64 == null ? "" : new String(Base64.getDecoder().decode(base64), US_ASCII);
  }

  /** Empties every webhook's caBundle, as a chart upgrade that replaces the object would. */
  void clearCaBundles() {
    client
        .admissionRegistration()
        .v1()
        .mutatingWebhookConfigurations()
        .withName(CONFIGURATION)
        .edit(
            configuration -> {
              configuration.getWebhooks().forEach(w -> w.getClientConfig().setCaBundle(null));
              return configuration;
            });
  }

  Secret secret() {
    return client.secrets().inNamespace(NAMESPACE).withName(SECRET).get();
  }

  List<X509Certificate> secretCas() {
    return certificates(secret().getData().get(BundleSecretFormat.CA_CERT));
  }

  X509Certificate secretServingCertificate() {
    return certificates(secret().getData().get(BundleSecretFormat.TLS_CERT)).get(0);
  }

  /** What an operator runs to rotate the CA now. */
  void requestCaRotation() {
    client
        .secrets()
        .inNamespace(NAMESPACE)
        .withName(SECRET)
        .edit(
            secret ->
                new SecretBuilder(secret)
                    .editMetadata()
                    .addToAnnotations(
                        BundleSecretFormat.ROTATE_CA, Clock.systemUTC().instant().toString())
                    .endMetadata()
                    .build());
  }

  /** Overwrites one entry of the Secret's data with this text. */
  void overwriteSecretEntry(String key, String text) {
    client
        .secrets()
        .inNamespace(NAMESPACE)
        .withName(SECRET)
        .edit(
            secret -> {
              secret
                  .getData()
                  .put(key, Base64.getEncoder().encodeToString(text.getBytes(US_ASCII)));
              return secret;
            });
  }

  static List<X509Certificate> certificates(String base64Pem) {
    try {
      return PemCodec.decodeCertificates("test", Base64.getDecoder().decode(base64Pem));
    } catch (TlsMaterialException e) {
      throw new AssertionError(e);
    }
  }
}
