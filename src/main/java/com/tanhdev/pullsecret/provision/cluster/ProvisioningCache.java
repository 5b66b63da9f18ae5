package com.tanhdev.pullsecret.provision.cluster;

import com.tanhdev.pullsecret.provision.NamespaceState;
import com.tanhdev.pullsecret.provision.ObservedCopy;
import com.tanhdev.pullsecret.provision.ProvisionedSecret;
import com.tanhdev.pullsecret.provision.SourceRef;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the provisioner decides on, from informers and never from a per-namespace API call:
 *
 * <ul>
 *   <li>each source, watched in its namespace with a {@code metadata.name} field selector (its Role
 *       grants that one name); the only cache that holds secret data, one Secret per rule;
 *   <li>each rule secret name in every namespace, with a {@code metadata.name} field selector (the
 *       ClusterRole grants those names), our copies and anyone else's: kept as marker and content
 *       hash only;
 *   <li>namespaces: name, labels and whether they are terminating, nothing else.
 * </ul>
 */
public final class ProvisioningCache implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ProvisioningCache.class);

  private final KubernetesClient client;
  private volatile CacheListener listener;
  private final SharedIndexInformer<Namespace> namespaces;
  private final ViewStore<Namespace, NamespaceState> namespaceStore;
  private final Map<SourceRef, SharedIndexInformer<Secret>> sources = new ConcurrentHashMap<>();
  private final Map<String, Copies> copies = new ConcurrentHashMap<>();
  private final Map<String, CompletionStage<Void>> firstLists = new ConcurrentHashMap<>();

  private record Copies(
      SharedIndexInformer<Secret> informer, ViewStore<Secret, ObservedCopy> store) {}

  public ProvisioningCache(KubernetesClient client) {
    this.client = client;
    this.namespaceStore = new ViewStore<>(ProvisioningCache::namespaceState, Namespace::new);
    this.namespaces = client.namespaces().runnableInformer(0).itemStore(namespaceStore);
    namespaces.addEventHandler(
        new KeyHandler<Namespace>(
            ns -> this.listener.namespaceChanged(ns.getMetadata().getName())));
  }

  /**
   * Starts the namespace informer, reporting changes to {@code listener}; {@link #watch} starts the
   * secrets' informers.
   */
  public void start(CacheListener listener) {
    this.listener = listener;
    firstLists.put("namespaces", namespaces.start());
  }

  /**
   * Waits until every informer started so far has listed its objects once. An informer whose first
   * list fails stops for good, so a process that carried on would stand for the Lease with caches
   * that never fill: it is better to stop with the API server's answer and be restarted.
   *
   * @throws CacheStartFailure when a first list failed or did not finish in time
   */
  public void awaitFirstLists(Duration timeout) {
    for (Map.Entry<String, CompletionStage<Void>> list : firstLists.entrySet()) {
      try {
        list.getValue().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        throw new CacheStartFailure(list.getKey(), client.getMasterUrl(), e.getCause());
      } catch (TimeoutException e) {
        throw new CacheStartFailure(list.getKey(), client.getMasterUrl(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CacheStartFailure(list.getKey(), client.getMasterUrl(), e);
      }
    }
  }

  /**
   * Watches exactly the sources and secret names of {@code secrets}: starts informers for new ones
   * and stops those no longer configured.
   */
  public synchronized void watch(Collection<ProvisionedSecret> secrets) {
    Set<SourceRef> wantedSources = new HashSet<>();
    Set<String> wantedNames = new HashSet<>();
    secrets.forEach(
        secret -> {
          wantedSources.add(secret.source());
          wantedNames.add(secret.secret());
        });
    sources.keySet().stream()
        .filter(ref -> !wantedSources.contains(ref))
        .toList()
        .forEach(
            ref -> {
              sources.remove(ref).close();
              firstLists.remove("source " + ref);
            });
    copies.keySet().stream()
        .filter(name -> !wantedNames.contains(name))
        .toList()
        .forEach(
            name -> {
              copies.remove(name).informer().close();
              firstLists.remove("secrets named " + name);
            });
    wantedSources.forEach(ref -> sources.computeIfAbsent(ref, this::startSource));
    wantedNames.forEach(name -> copies.computeIfAbsent(name, this::startCopies));
  }

  private SharedIndexInformer<Secret> startSource(SourceRef ref) {
    SharedIndexInformer<Secret> informer =
        client
            .secrets()
            .inNamespace(ref.namespace())
            .withField("metadata.name", ref.name())
            .runnableInformer(0);
    informer.addEventHandler(new KeyHandler<Secret>(secret -> listener.sourceChanged(ref)));
    firstLists.put("source " + ref, logFailure(informer.start(), "source " + ref));
    return informer;
  }

  private Copies startCopies(String name) {
    ViewStore<Secret, ObservedCopy> store = new ViewStore<>(CopyMarker::observe, Secret::new);
    SharedIndexInformer<Secret> informer =
        client
            .secrets()
            .inAnyNamespace()
            .withField("metadata.name", name)
            .runnableInformer(0)
            .itemStore(store);
    informer.addEventHandler(
        new KeyHandler<Secret>(
            secret -> listener.copyChanged(name, secret.getMetadata().getNamespace())));
    firstLists.put("secrets named " + name, logFailure(informer.start(), "secrets named " + name));
    return new Copies(informer, store);
  }

  private static CompletionStage<Void> logFailure(CompletionStage<Void> started, String what) {
    return started.whenComplete(
        (ignored, failure) -> {
          if (failure != null) {
            LOG.warn(
                "informer for {} failed to start: {}", what, CacheStartFailure.describe(failure));
          }
        });
  }

  /** The source Secret, or null when it does not exist (or is not watched). */
  public Secret source(SourceRef ref) {
    SharedIndexInformer<Secret> informer = sources.get(ref);
    return informer == null
        ? null
        : informer.getStore().getByKey(Cache.namespaceKeyFunc(ref.namespace(), ref.name()));
  }

  /** The secret named {@code name} in {@code namespace}, as kept; null when there is none. */
  public ObservedCopy copy(String name, String namespace) {
    Copies watched = copies.get(name);
    return watched == null ? null : watched.store().view(Cache.namespaceKeyFunc(namespace, name));
  }

  public NamespaceState namespace(String name) {
    return namespaceStore.view(name);
  }

  public Stream<String> namespaceNames() {
    return namespaceStore.views().map(NamespaceState::name);
  }

  /** Namespaces holding a secret named {@code name}, ours or not. */
  public Stream<String> namespacesWithSecret(String name) {
    Copies watched = copies.get(name);
    return watched == null ? Stream.empty() : watched.store().views().map(ObservedCopy::namespace);
  }

  /** Every informer has listed its objects once: decisions before that would miss objects. */
  public boolean hasSynced() {
    return namespaces.hasSynced()
        && sources.values().stream().allMatch(SharedIndexInformer::hasSynced)
        && copies.values().stream().allMatch(c -> c.informer().hasSynced());
  }

  /** No informer has stopped for good (they retry on their own while the API server is away). */
  public boolean isRunning() {
    return namespaces.isRunning()
        && sources.values().stream().allMatch(SharedIndexInformer::isRunning)
        && copies.values().stream().allMatch(c -> c.informer().isRunning());
  }

  @Override
  public synchronized void close() {
    namespaces.close();
    sources.values().forEach(SharedIndexInformer::close);
    copies.values().forEach(c -> c.informer().close());
    sources.clear();
    copies.clear();
  }

  private static NamespaceState namespaceState(Namespace namespace) {
    boolean terminating =
        namespace.getMetadata().getDeletionTimestamp() != null
            || (namespace.getStatus() != null
                && "Terminating".equals(namespace.getStatus().getPhase()));
    return new NamespaceState(
        namespace.getMetadata().getName(), namespace.getMetadata().getLabels(), terminating);
  }
}
