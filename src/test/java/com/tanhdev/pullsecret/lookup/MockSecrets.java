package com.tanhdev.pullsecret.lookup;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Secrets in the mock API server, and lookups over them closed after each test. Register it with
 * {@code @RegisterExtension} on an instance field, given the client field that
 * {@code @EnableKubernetesMockClient} fills in before each test.
 */
final class MockSecrets implements AfterEachCallback {

  // Generous so that a slow build machine cannot turn a live read against the mock into ERROR.
  static final Duration LIVE_READ_TIMEOUT = Duration.ofSeconds(2);
  static final String CREDENTIAL_MARKER = "registry-password-never-cached";
  static final String REGISTRY = "registry-api.tanhdev.com";
  static final String DOCKER_CONFIG_JSON = "kubernetes.io/dockerconfigjson";

  private final Supplier<KubernetesClient> client;
  private final List<InformerSecretLookup> lookups = new ArrayList<>();

  MockSecrets(Supplier<KubernetesClient> client) {
    this.client = client;
  }

  InformerSecretLookup syncedLookup(String secretName) {
    InformerSecretLookup lookup = lookup(secretName, LIVE_READ_TIMEOUT);
    lookup.start();
    await().until(lookup::isSynced);
    return lookup;
  }

  InformerSecretLookup lookup(String secretName, Duration liveReadTimeout) {
    return track(
        new InformerSecretLookup(
            client.get(), Map.of(secretName, Set.of(REGISTRY)), liveReadTimeout));
  }

  InformerSecretLookup track(InformerSecretLookup lookup) {
    lookups.add(lookup);
    return lookup;
  }

  void create(String namespace, String name) {
    create(namespace, name, DOCKER_CONFIG_JSON, "{\"auths\":{\"" + CREDENTIAL_MARKER + "\":{}}}");
  }

  void create(String namespace, String name, String type, String dockerConfig) {
    Secret secret =
        new SecretBuilder()
            .withNewMetadata()
            .withNamespace(namespace)
            .withName(name)
            .addToAnnotations("note", CREDENTIAL_MARKER)
            .endMetadata()
            .withType(type)
            .addToData(".dockerconfigjson", base64(dockerConfig))
            .build();
    client.get().secrets().inNamespace(namespace).resource(secret).create();
  }

  static String dockerConfig(String registry) {
    return "{\"auths\":{\""
        + registry
        + "\":{\"auth\":\""
        + base64("ci:" + CREDENTIAL_MARKER)
        + "\"}}}";
  }

  static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    lookups.forEach(InformerSecretLookup::close);
    lookups.clear();
  }
}
