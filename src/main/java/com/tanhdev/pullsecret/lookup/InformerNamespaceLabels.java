package com.tanhdev.pullsecret.lookup;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.ReducedStateItemStore;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Namespace labels from an informer that keeps each namespace's name, resource version and labels
 * only. It starts on the first question, so a webhook whose provisioning does not select by label
 * (or that has none) never watches namespaces, and a reload that adds a selector needs no restart.
 *
 * <p>A namespace the cache does not know yet is read once, live, within the lookup deadline: a
 * GitOps sync applies a new namespace and its workloads back to back, faster than the watch
 * delivers.
 */
public final class InformerNamespaceLabels implements NamespaceLabels, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(InformerNamespaceLabels.class);

  private final KubernetesClient client;
  private final Duration liveReadTimeout;
  // One reader: live reads happen only in the moment after a namespace is created.
  private final ExecutorService liveReads =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "namespace-live-read");
            thread.setDaemon(true);
            return thread;
          });
  private SharedIndexInformer<Namespace> informer;

  public InformerNamespaceLabels(KubernetesClient client, Duration liveReadTimeout) {
    this.client = client;
    this.liveReadTimeout = liveReadTimeout;
  }

  @Override
  public Optional<Map<String, String>> of(String namespace) {
    Namespace cached = informer().getStore().getByKey(namespace);
    return cached != null ? Optional.of(labels(cached)) : liveRead(namespace);
  }

  private synchronized SharedIndexInformer<Namespace> informer() {
    if (informer == null) {
      informer =
          client
              .namespaces()
              .runnableInformer(0)
              .itemStore(
                  new ReducedStateItemStore<>(
                      ReducedStateItemStore.NAME_KEY_STATE,
                      Namespace.class,
                      client.getKubernetesSerialization(),
                      "metadata.labels"));
      informer
          .start()
          .whenComplete(
              (ignored, failure) -> {
                if (failure != null) {
                  LOG.warn("namespace informer failed to start: {}", failure.toString());
                }
              });
    }
    return informer;
  }

  private Optional<Map<String, String>> liveRead(String namespace) {
    CompletableFuture<Namespace> read =
        CompletableFuture.supplyAsync(
            () -> client.namespaces().withName(namespace).get(), liveReads);
    try {
      Namespace found = read.get(liveReadTimeout.toMillis(), TimeUnit.MILLISECONDS);
      return found == null ? Optional.empty() : Optional.of(labels(found));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException | TimeoutException e) {
      read.cancel(true);
      LOG.debug("live read of namespace {} failed: {}", namespace, e.toString());
      return Optional.empty();
    }
  }

  private static Map<String, String> labels(Namespace namespace) {
    Map<String, String> labels = namespace.getMetadata().getLabels();
    return labels == null ? Map.of() : Map.copyOf(labels);
  }

  @Override
  public synchronized void close() {
    if (informer != null) {
      informer.close();
    }
    liveReads.shutdownNow();
  }
}
