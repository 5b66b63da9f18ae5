package com.tanhdev.pullsecret.testing;

import static java.nio.charset.StandardCharsets.US_ASCII;

import com.tanhdev.pullsecret.pki.PemCodec;
import com.tanhdev.pullsecret.pki.TlsMaterialException;
import com.tanhdev.pullsecret.tls.selfmanaged.BundleSecretFormat;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/**
 * What an operator sees of a self-managed webhook, and does to it: its Secret, the caBundle of each
 * entry of its webhook configuration, and the CA rotation the README describes. Test clusters add
 * their own set-up around it.
 */
public class SelfManagedView {

  private final KubernetesClient client;
  private final String namespace;
  private final String secretName;
  private final String configurationName;

  protected SelfManagedView(
      KubernetesClient client, String namespace, String secretName, String configurationName) {
    this.client = client;
    this.namespace = namespace;
    this.secretName = secretName;
    this.configurationName = configurationName;
  }

  public final Secret secret() {
    return client.secrets().inNamespace(namespace).withName(secretName).get();
  }

  /** The Secret's {@code ca.crt}: every CA the webhook wants trusted. */
  public final List<X509Certificate> secretCas() {
    return certificates(secret().getData().get(BundleSecretFormat.CA_CERT));
  }

  public final X509Certificate secretServingCertificate() {
    return certificates(secret().getData().get(BundleSecretFormat.TLS_CERT)).get(0);
  }

  /** The CAs in the caBundle of each webhook entry, in entry order; empty where there is none. */
  public final List<List<X509Certificate>> caBundles() {
    return configuration().getWebhooks().stream()
        .map(webhook -> webhook.getClientConfig().getCaBundle())
        .map(base64 -> base64 == null ? List.<X509Certificate>of() : certificates(base64))
        .toList();
  }

  /** The caBundle of the first entry as PEM, as the API server would trust it; "" for none. */
  public final String caBundlePem() {
    String base64 = configuration().getWebhooks().get(0).getClientConfig().getCaBundle();
    return base64 == null ? "" : new String(Base64.getDecoder().decode(base64), US_ASCII);
  }

  /** Empties every entry's caBundle, as a chart upgrade that replaces the object would. */
  public final void clearCaBundles() {
    client
        .admissionRegistration()
        .v1()
        .mutatingWebhookConfigurations()
        .withName(configurationName)
        .edit(
            configuration -> {
              configuration.getWebhooks().forEach(w -> w.getClientConfig().setCaBundle(null));
              return configuration;
            });
  }

  /** What the README tells an operator to run to rotate the CA now. */
  public final void requestCaRotation() {
    client
        .secrets()
        .inNamespace(namespace)
        .withName(secretName)
        .edit(
            secret ->
                new SecretBuilder(secret)
                    .editMetadata()
                    .addToAnnotations(BundleSecretFormat.ROTATE_CA, "now")
                    .endMetadata()
                    .build());
  }

  /** Overwrites one entry of the Secret's data with this text. */
  public final void overwriteSecretEntry(String key, String text) {
    client
        .secrets()
        .inNamespace(namespace)
        .withName(secretName)
        .edit(
            secret -> {
              secret
                  .getData()
                  .put(key, Base64.getEncoder().encodeToString(text.getBytes(US_ASCII)));
              return secret;
            });
  }

  private MutatingWebhookConfiguration configuration() {
    return client
        .admissionRegistration()
        .v1()
        .mutatingWebhookConfigurations()
        .withName(configurationName)
        .get();
  }

  private static List<X509Certificate> certificates(String base64Pem) {
    try {
      return PemCodec.decodeCertificates("test", Base64.getDecoder().decode(base64Pem));
    } catch (TlsMaterialException e) {
      throw new AssertionError(e);
    }
  }
}
