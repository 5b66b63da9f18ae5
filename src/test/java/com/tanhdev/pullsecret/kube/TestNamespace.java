package com.tanhdev.pullsecret.kube;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.security.SecureRandom;
import java.util.Map;

/**
 * A fresh namespace with a random suffix, so that tests sharing one API server never see each
 * other's objects. Namespaces are not deleted afterwards: without a controller manager a deleted
 * namespace only turns Terminating, and the whole API server is thrown away after the run anyway.
 */
public record TestNamespace(KubernetesClient client, String name) {

  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** An empty dockerconfigjson: the API server validates the format, the webhook only existence. */
  private static final String EMPTY_DOCKER_CONFIG = "{\"auths\":{}}";

  public static TestNamespace create(
      KubernetesClient client, String prefix, Map<String, String> labels) {
    String name = prefix + "-" + randomSuffix();
    client
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(labels)
                .endMetadata()
                .build())
        .create();
    return new TestNamespace(client, name);
  }

  /** Creates a {@code kubernetes.io/dockerconfigjson} secret named {@code secretName} here. */
  public TestNamespace withPullSecret(String secretName) {
    client
        .secrets()
        .inNamespace(name)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(secretName)
                .endMetadata()
                .withType("kubernetes.io/dockerconfigjson")
                .withStringData(Map.of(".dockerconfigjson", EMPTY_DOCKER_CONFIG))
                .build())
        .create();
    return this;
  }

  static String randomSuffix() {
    StringBuilder suffix = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      suffix.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return suffix.toString();
  }

  @Override
  public String toString() {
    return name;
  }
}
