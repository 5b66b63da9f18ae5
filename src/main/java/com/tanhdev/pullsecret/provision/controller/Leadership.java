package com.tanhdev.pullsecret.provision.controller;

import static net.logstash.logback.argument.StructuredArguments.kv;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election on a Lease in the release namespace (fabric8's elector), so that of the replicas
 * only one writes. A replica that loses the Lease stops writing and stands again; closing releases
 * the Lease, so a rolling update hands over within one retry period instead of a lease duration.
 */
final class Leadership implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);

  private final KubernetesClient client;
  private final String leaseName;
  private final String identity;
  private final ProvisionerTimings timings;
  // One lock for every candidacy: what it has seen of the Lease tells when it expires.
  private final ProvisionerLeaseLock lock;
  private final Runnable onStart;
  private final Runnable onStop;
  private volatile boolean leading;
  private volatile boolean closed;
  private CompletableFuture<?> election; // guarded by this

  Leadership(
      KubernetesClient client,
      String namespace,
      String leaseName,
      String identity,
      ProvisionerTimings timings,
      Runnable onStart,
      Runnable onStop) {
    this.client = client;
    this.leaseName = leaseName;
    this.identity = identity;
    this.timings = timings;
    this.lock = new ProvisionerLeaseLock(namespace, leaseName, identity, Clock.systemUTC());
    this.onStart = onStart;
    this.onStop = onStop;
  }

  boolean isLeader() {
    return leading;
  }

  synchronized void start() {
    if (closed) {
      return;
    }
    election =
        client
            .leaderElector()
            .withConfig(
                new LeaderElectionConfigBuilder()
                    .withName(leaseName)
                    .withLock(lock)
                    .withLeaseDuration(timings.leaseDuration())
                    .withRenewDeadline(timings.renewDeadline())
                    .withRetryPeriod(timings.retryPeriod())
                    .withReleaseOnCancel(true)
                    .withLeaderCallbacks(
                        new LeaderCallbacks(this::started, this::stopped, this::newLeader))
                    .build())
            .build()
            .start();
    // The elector's future ends when leadership is lost (or the Lease cannot be read): stand
    // again after one retry period, as a fresh candidate.
    election.whenComplete(
        (ignored, failure) -> {
          leading = false;
          if (!closed) {
            CompletableFuture.runAsync(
                this::start,
                CompletableFuture.delayedExecutor(
                    timings.retryPeriod().toMillis(), TimeUnit.MILLISECONDS));
          }
        });
  }

  private void started() {
    LOG.info("became the leader; writing copies", kv("identity", identity));
    leading = true;
    onStart.run();
  }

  private void stopped() {
    if (leading) {
      LOG.info("stopped leading; standing by", kv("identity", identity));
    }
    leading = false;
    onStop.run();
  }

  private void newLeader(String leader) {
    if (!identity.equals(leader)) {
      LOG.info("standing by", kv("identity", identity), kv("leader", leader));
    }
  }

  /** Stops standing and releases the Lease if this replica holds it. */
  @Override
  public void close() {
    CompletableFuture<?> current;
    synchronized (this) {
      closed = true;
      current = election;
    }
    leading = false;
    if (current != null) {
      current.cancel(true);
    }
  }
}
