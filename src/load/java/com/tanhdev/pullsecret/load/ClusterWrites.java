package com.tanhdev.pullsecret.load;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What the benchmark writes to the API server, as a cluster admin would: namespaces at a steady
 * rate or all at once, the source's rotation, and secrets the provisioner has no business with.
 */
final class ClusterWrites {

  static final String SOURCE_NAMESPACE = "infrastructure";
  static final String SECRET = "registry-api-tanhdev";
  static final String DOCKER_CONFIG_JSON = "kubernetes.io/dockerconfigjson";

  /** Enough senders that a slow create does not hold back the next one's schedule. */
  private static final int SENDERS = 32;

  private final KubernetesClient client;

  ClusterWrites(KubernetesClient client) {
    this.client = client;
  }

  /**
   * Namespaces created, and when: the moment each create call returned (the namespace is stored),
   * as {@link System#nanoTime()}.
   */
  record CreatedNamespaces(List<String> names, long[] createdNanos, long[] callNanos) {}

  /** {@code count} namespaces {@code prefix-i}, one every {@code 1/perSecond} seconds. */
  CreatedNamespaces steady(String prefix, int count, double perSecond) throws Exception {
    ScheduledExecutorService senders = Executors.newScheduledThreadPool(SENDERS);
    try {
      long intervalNanos = (long) (1e9 / perSecond);
      return create(
          prefix,
          count,
          (i, task) -> senders.schedule(task, i * intervalNanos, TimeUnit.NANOSECONDS));
    } finally {
      senders.shutdownNow();
    }
  }

  /** {@code count} namespaces {@code prefix-i}, all sent at once by {@value #SENDERS} senders. */
  CreatedNamespaces burst(String prefix, int count) throws Exception {
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    try {
      return create(prefix, count, (i, task) -> senders.submit(task));
    } finally {
      senders.shutdownNow();
    }
  }

  private interface Scheduler {
    Future<?> submit(int index, Runnable task);
  }

  private CreatedNamespaces create(String prefix, int count, Scheduler scheduler) throws Exception {
    List<String> names = new ArrayList<>();
    long[] created = new long[count];
    long[] call = new long[count];
    List<Future<?>> sent = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = prefix + "-" + i;
      names.add(name);
      int index = i;
      sent.add(
          scheduler.submit(
              i,
              () -> {
                long start = System.nanoTime();
                client
                    .namespaces()
                    .resource(
                        new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(name)
                            .endMetadata()
                            .build())
                    .create();
                created[index] = System.nanoTime();
                call[index] = created[index] - start;
              }));
    }
    for (Future<?> each : sent) {
      each.get();
    }
    return new CreatedNamespaces(names, created, call);
  }

  /** Creates or replaces the source with a pull config whose token is {@code token}. */
  Secret writeSource(String token) {
    String auth =
        Base64.getEncoder().encodeToString(("ci-pull:" + token).getBytes(StandardCharsets.UTF_8));
    String config = "{\"auths\":{\"registry-api.tanhdev.com\":{\"auth\":\"" + auth + "\"}}}";
    Secret source =
        new SecretBuilder()
            .withNewMetadata()
            .withNamespace(SOURCE_NAMESPACE)
            .withName(SECRET)
            .endMetadata()
            .withType(DOCKER_CONFIG_JSON)
            .withData(Map.of(".dockerconfigjson", base64(config)))
            .build();
    return client.secrets().inNamespace(SOURCE_NAMESPACE).resource(source).serverSideApply();
  }

  /**
   * {@code perNamespace} Opaque secrets of {@code bytes} random bytes in each of {@code
   * namespaces}, named {@code unrelated-i}: what any cluster holds besides the pull secret.
   */
  void unrelatedSecrets(List<String> namespaces, int perNamespace, int bytes) throws Exception {
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS / 2);
    try {
      Random random = new Random(42);
      List<Future<?>> sent = new ArrayList<>();
      for (String namespace : namespaces) {
        for (int i = 0; i < perNamespace; i++) {
          byte[] data = new byte[bytes];
          random.nextBytes(data);
          Secret secret =
              new SecretBuilder()
                  .withNewMetadata()
                  .withNamespace(namespace)
                  .withName("unrelated-" + i)
                  .endMetadata()
                  .withType("Opaque")
                  .withData(Map.of("payload", Base64.getEncoder().encodeToString(data)))
                  .build();
          sent.add(
              senders.submit(
                  () -> client.secrets().inNamespace(namespace).resource(secret).create()));
        }
      }
      for (Future<?> each : sent) {
        each.get();
      }
    } finally {
      senders.shutdownNow();
    }
  }

  void createNamespace(String name) {
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
