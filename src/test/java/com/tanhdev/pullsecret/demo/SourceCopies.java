package com.tanhdev.pullsecret.demo;

import static org.awaitility.Awaitility.await;

import com.tanhdev.pullsecret.provision.SourceRef;
import com.tanhdev.pullsecret.provision.cluster.CopyMarker;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The source and the secret of the same name in each namespace the provisioner selects, read the
 * way a user would read them: through the API server.
 */
final class SourceCopies {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final KubernetesClient client;
  private final String secret;
  private final SourceRef source;
  private final List<String> namespaces;

  SourceCopies(KubernetesClient client, String secret, SourceRef source, List<String> namespaces) {
    this.client = client;
    this.secret = secret;
    this.source = source;
    this.namespaces = List.copyOf(namespaces);
  }

  List<String> namespaces() {
    return namespaces;
  }

  /** Namespaces without a secret of that name. */
  List<String> lacking() {
    return namespaces.stream().filter(namespace -> read(namespace) == null).toList();
  }

  /** Namespaces whose secret of that name was made by hand: the provisioner did not create it. */
  List<String> handMade() {
    return namespaces.stream()
        .filter(namespace -> read(namespace) != null && !isCopy(read(namespace)))
        .toList();
  }

  /** Waits until every selected namespace holds a marked copy with the source's current data. */
  Duration awaitInSync(long sinceNanos) {
    await("every copy of " + source + " in sync")
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(50))
        .until(this::allInSync);
    return Duration.ofNanos(System.nanoTime() - sinceNanos);
  }

  /** Replaces the source's credential, as a re-sealed SealedSecret would. */
  void rotate(String dockerConfig) {
    client
        .secrets()
        .inNamespace(source.namespace())
        .withName(source.name())
        .edit(
            current -> {
              current.setData(null);
              current.setStringData(Map.of(".dockerconfigjson", dockerConfig));
              return current;
            });
  }

  private boolean allInSync() {
    Map<String, String> data =
        client.secrets().inNamespace(source.namespace()).withName(source.name()).get().getData();
    return namespaces.stream()
        .map(this::read)
        .allMatch(copy -> copy != null && isCopy(copy) && Objects.equals(copy.getData(), data));
  }

  private Secret read(String namespace) {
    return client.secrets().inNamespace(namespace).withName(secret).get();
  }

  private static boolean isCopy(Secret secret) {
    Map<String, String> labels = secret.getMetadata().getLabels();
    return labels != null && CopyMarker.MANAGER.equals(labels.get(CopyMarker.MANAGED_BY));
  }
}
