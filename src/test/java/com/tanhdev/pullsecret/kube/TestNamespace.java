package com.tanhdev.pullsecret.kube;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * A fresh namespace with a random suffix, so that tests sharing one API server never see each
 * other's objects. Namespaces are not deleted afterwards: without a controller manager a deleted
 * namespace only turns Terminating, and the whole API server is thrown away after the run anyway.
 */
public record TestNamespace(KubernetesClient client, String name) {

  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * A dockerconfigjson with a made-up credential for the default rule's registry: the webhook
   * checks that a pull secret holds credentials for the registry, nothing ever pulls with it.
   */
  public static final String DOCKER_CONFIG =
      "{\"auths\":{\"registry-api.tanhdev.com\":{\"auth\":\""
          + Base64.getEncoder()
              .encodeToString("ci-pull:not-a-real-token".getBytes(StandardCharsets.UTF_8))
          + "\"}}}";

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

  /** Creates a usable {@code kubernetes.io/dockerconfigjson} secret named {@code secretName}. */
  public TestNamespace withPullSecret(String secretName) {
    return withSecret(secretName, "kubernetes.io/dockerconfigjson", DOCKER_CONFIG);
  }

  /** Creates a secret of this type whose {@code .dockerconfigjson} is {@code dockerConfig}. */
  public TestNamespace withSecret(String secretName, String type, String dockerConfig) {
    client
        .secrets()
        .inNamespace(name)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(secretName)
                .endMetadata()
                .withType(type)
                .withStringData(Map.of(".dockerconfigjson", dockerConfig))
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
