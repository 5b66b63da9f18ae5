package com.tanhdev.pullsecret.provision.controller;

import com.tanhdev.pullsecret.metrics.ProvisioningMetrics;
import com.tanhdev.pullsecret.provision.CopyState;
import com.tanhdev.pullsecret.provision.FanOutStatus;
import com.tanhdev.pullsecret.provision.ProvisionedSecret;
import com.tanhdev.pullsecret.provision.ProvisioningSettings;
import com.tanhdev.pullsecret.provision.SourceRef;
import com.tanhdev.pullsecret.provision.cluster.CacheListener;
import com.tanhdev.pullsecret.provision.cluster.CopyWriter.WriteFailure;
import com.tanhdev.pullsecret.provision.cluster.ProvisioningCache;
import com.tanhdev.pullsecret.provision.queue.WorkQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller loop: informer callbacks only queue keys ({@link CacheListener}); worker threads
 * take keys and reconcile them, and only while this replica leads; failures come back with backoff.
 * A full pass over every key runs when leadership is won, on every resync and after a config
 * reload, so a missed watch event costs at most one resync period.
 */
final class Provisioner implements CacheListener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Provisioner.class);
  private static final Duration UNSYNCED_RETRY = Duration.ofSeconds(1);

  private final ProvisioningCache cache;
  private final WorkQueue<CopyKey> queue;
  private final CopyReconciler reconciler;
  private final AtomicReference<ProvisioningPlan> plan;
  private final FanOutStatus status;
  private final ProvisioningMetrics metrics;
  private final BooleanSupplier isLeader;
  private final String releaseNamespace;
  private final List<Thread> workers = new ArrayList<>();

  Provisioner(
      ProvisioningCache cache,
      WorkQueue<CopyKey> queue,
      CopyReconciler reconciler,
      AtomicReference<ProvisioningPlan> plan,
      FanOutStatus status,
      ProvisioningMetrics metrics,
      BooleanSupplier isLeader,
      String releaseNamespace) {
    this.cache = cache;
    this.queue = queue;
    this.status = status;
    this.metrics = metrics;
    this.isLeader = isLeader;
    this.releaseNamespace = releaseNamespace;
    this.reconciler = reconciler;
    this.plan = plan;
    registerMetrics(plan.get());
  }

  void startWorkers(int count) {
    for (int i = 0; i < count; i++) {
      Thread worker = new Thread(this::work, "provision-worker-" + i);
      worker.setDaemon(true);
      workers.add(worker);
      worker.start();
    }
  }

  /** Applies a reloaded config: watches new sources and names, then looks at every pair again. */
  void replaceSettings(ProvisioningSettings settings) {
    ProvisioningPlan next = ProvisioningPlan.of(settings, releaseNamespace);
    plan.get().secrets().keySet().stream()
        .filter(secret -> !next.secrets().containsKey(secret))
        .forEach(status::forget);
    plan.set(next);
    cache.watch(next.secrets().values());
    registerMetrics(next);
    enqueueAll();
  }

  /** Queues every pair: each rule secret in every namespace that exists or holds one. */
  void enqueueAll() {
    for (ProvisionedSecret secret : plan.get().secrets().values()) {
      Stream.concat(cache.namespaceNames(), cache.namespacesWithSecret(secret.secret()))
          .distinct()
          .forEach(namespace -> queue.add(new CopyKey(secret.secret(), namespace)));
    }
  }

  @Override
  public void sourceChanged(SourceRef source) {
    for (ProvisionedSecret secret : plan.get().withSource(source)) {
      cache.namespaceNames().forEach(ns -> queue.add(new CopyKey(secret.secret(), ns)));
      cache
          .namespacesWithSecret(secret.secret())
          .forEach(ns -> queue.add(new CopyKey(secret.secret(), ns)));
    }
  }

  @Override
  public void copyChanged(String secret, String namespace) {
    if (plan.get().secrets().containsKey(secret)) {
      queue.add(new CopyKey(secret, namespace));
    }
  }

  @Override
  public void namespaceChanged(String namespace) {
    plan.get().secrets().keySet().forEach(secret -> queue.add(new CopyKey(secret, namespace)));
  }

  private void work() {
    while (true) {
      CopyKey key;
      try {
        key = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      if (key == null) {
        return;
      }
      try {
        if (!cache.hasSynced()) {
          // A decision on a half-listed cache could take a missing source for a deleted one.
          queue.addAfter(key, UNSYNCED_RETRY);
        } else if (isLeader.getAsBoolean()) { // a standby drops keys: winning queues them all
          reconciler.reconcile(key);
          queue.forget(key);
        }
      } catch (WriteFailure failure) {
        queue.retry(key);
      } catch (RuntimeException unexpected) {
        LOG.error("reconcile of {} failed unexpectedly", key, unexpected);
        metrics.reconcileError(key.secret());
        queue.retry(key);
      } finally {
        queue.done(key);
      }
    }
  }

  private void registerMetrics(ProvisioningPlan current) {
    for (String secret : current.secrets().keySet()) {
      metrics.secret(
          secret,
          state ->
              switch (state) {
                case "desired" -> status.selected(secret);
                case "in_sync" -> status.count(secret, CopyState.IN_SYNC);
                case "conflicted" -> status.count(secret, CopyState.CONFLICTED);
                default -> status.count(secret, CopyState.FAILED);
              },
          () -> status.isSourceValid(secret),
          () -> status.lastSyncSeconds(secret));
    }
  }

  @Override
  public void close() {
    queue.close();
    workers.forEach(Thread::interrupt);
  }
}
