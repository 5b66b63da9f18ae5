package com.tanhdev.pullsecret.provision.controller;

import com.tanhdev.pullsecret.config.ConfigSource;
import com.tanhdev.pullsecret.config.ConfigWatcher;
import com.tanhdev.pullsecret.config.ProvisionerIdentity;
import com.tanhdev.pullsecret.config.WebhookConfig;
import com.tanhdev.pullsecret.http.ProbeServer;
import com.tanhdev.pullsecret.lookup.PullSecretReader;
import com.tanhdev.pullsecret.metrics.ProvisioningMetrics;
import com.tanhdev.pullsecret.provision.FanOutStatus;
import com.tanhdev.pullsecret.provision.SourceValidation;
import com.tanhdev.pullsecret.provision.cluster.CopyWriter;
import com.tanhdev.pullsecret.provision.cluster.ProvisioningCache;
import com.tanhdev.pullsecret.provision.cluster.SourceEvents;
import com.tanhdev.pullsecret.provision.queue.Backoff;
import com.tanhdev.pullsecret.provision.queue.WorkQueue;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code provision} process, wired in one place for the command and the tests alike: caches ->
 * queue -> workers (writing only while leading) -> status -> metrics, Events and probes, plus the
 * config watcher.
 */
public final class ProvisionerProcess implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ProvisionerProcess.class);

  /**
   * Each copy is one API write that a worker waits on, so the fan-out scales with the workers until
   * the API server is the limit: measured on 500 namespaces, 8 workers rolled a rotation out in 1.4
   * s against 3.9 s with 2, and a burst of new namespaces got copies in 0.4 s (median) against 2.6
   * s (docs/benchmarks.md).
   */
  private static final int WORKERS = 8;

  // Generous: a first list of 1,000 namespaces takes well under a second.
  private static final Duration FIRST_LIST_TIMEOUT = Duration.ofSeconds(60);
  private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(100), Duration.ofMinutes(2));

  private final ProvisioningCache cache;
  private final WorkQueue<CopyKey> queue;
  private final Provisioner provisioner;
  private final Leadership leadership;
  private final ProvisioningMetrics metrics;
  private final ScheduledExecutorService timers;
  private final ProbeServer probes;
  private final ConfigWatcher watcher;

  private ProvisionerProcess(
      WebhookConfig config,
      ConfigSource source,
      KubernetesClient client,
      ProvisionerIdentity identity,
      ProvisionerTimings timings) {
    AtomicReference<Leadership> leader = new AtomicReference<>();
    this.metrics = new ProvisioningMetrics(() -> leader.get() != null && leader.get().isLeader());
    FanOutStatus status = new FanOutStatus();
    AtomicReference<ProvisioningPlan> plan =
        new AtomicReference<>(ProvisioningPlan.of(config.provisioning(), identity.namespace()));
    this.cache = new ProvisioningCache(client);
    this.queue = new WorkQueue<>(BACKOFF);
    Clock clock = Clock.systemUTC();
    CopyReconciler reconciler =
        new CopyReconciler(
            cache,
            new CopyWriter(client),
            new SourceValidation(new PullSecretReader(JsonMapper.builder().build())),
            status,
            metrics,
            plan::get,
            clock);
    this.provisioner =
        new Provisioner(
            cache,
            queue,
            reconciler,
            plan,
            status,
            metrics,
            () -> leader.get() != null && leader.get().isLeader(),
            identity.namespace());
    FanOutReporter reporter =
        new FanOutReporter(
            status, new SourceEvents(client, clock, identity.podName()), cache, plan::get);
    this.leadership =
        new Leadership(
            client,
            identity.namespace(),
            config.provisioning().leaseName(),
            identity.podName(),
            timings,
            () -> {
              reporter.reset();
              provisioner.enqueueAll();
            },
            () -> {});
    leader.set(leadership);
    this.timers =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "provision-timers");
              thread.setDaemon(true);
              return thread;
            });
    this.probes =
        new ProbeServer(
            config.server().host(),
            config.server().healthPort(),
            cache::isRunning,
            cache::hasSynced,
            metrics::scrape);
    cache.start(provisioner);
    cache.watch(plan.get().secrets().values());
    try {
      // Only a replica whose caches hold everything stands for the Lease.
      cache.awaitFirstLists(FIRST_LIST_TIMEOUT);
    } catch (RuntimeException e) {
      cache.close();
      throw e;
    }
    provisioner.startWorkers(WORKERS);
    schedule(timings.resync(), () -> whenLeading(provisioner::enqueueAll));
    schedule(timings.reportEvery(), () -> whenLeading(reporter::check));
    // Every replica keeps its caches warm, so a standby that wins the Lease acts at once.
    leadership.start();
    probes.start();
    this.watcher =
        source
            .watchWhole(
                reloaded -> provisioner.replaceSettings(reloaded.provisioning()),
                metrics::configReload)
            .orElse(null);
  }

  /**
   * Starts provisioning with the configuration {@code source} holds now, and watches it for
   * changes. Returns once the caches are filled.
   *
   * @throws com.tanhdev.pullsecret.provision.cluster.CacheStartFailure when the API server cannot
   *     be reached, or refuses a list, at start
   */
  public static ProvisionerProcess start(
      ConfigSource source,
      KubernetesClient client,
      ProvisionerIdentity identity,
      ProvisionerTimings timings) {
    return new ProvisionerProcess(source.load(), source, client, identity, timings);
  }

  private void schedule(Duration every, Runnable task) {
    timers.scheduleWithFixedDelay(
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            LOG.warn("periodic task failed: {}", e.toString());
          }
        },
        every.toMillis(),
        every.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void whenLeading(Runnable task) {
    if (leadership.isLeader()) {
      task.run();
    }
  }

  public boolean isLeader() {
    return leadership.isLeader();
  }

  public boolean isReady() {
    return cache.hasSynced();
  }

  public int healthPort() {
    return probes.port();
  }

  public ProvisioningMetrics metrics() {
    return metrics;
  }

  /** Stops writing first (releasing the Lease to a standby), then watching, then serving. */
  @Override
  public void close() {
    if (watcher != null) {
      watcher.close();
    }
    timers.shutdownNow();
    provisioner.close();
    leadership.close();
    cache.close();
    probes.close();
  }
}
