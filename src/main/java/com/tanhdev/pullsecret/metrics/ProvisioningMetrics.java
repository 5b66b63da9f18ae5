package com.tanhdev.pullsecret.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.ToIntFunction;

/**
 * Every metric {@code provision} exports, named in one place (documented in the README). Per
 * secret, never per namespace: the series stay bounded however many namespaces there are.
 */
public final class ProvisioningMetrics {

  /** The {@code state} label values of {@code pullsecret_provisioning_copies}. */
  public static final List<String> COPY_STATES =
      List.of("desired", "in_sync", "conflicted", "failed");

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  public ProvisioningMetrics(BooleanSupplier isLeader) {
    Gauge.builder("pullsecret_provisioning_is_leader", () -> isLeader.getAsBoolean() ? 1 : 0)
        .description("1 on the replica that holds the Lease and writes copies")
        .register(registry);
  }

  /** The Prometheus text exposition. */
  public String scrape() {
    return registry.scrape();
  }

  /**
   * Registers the gauges of one provisioned secret (again on a reload: the registry keeps the first
   * registration of a name and tags).
   *
   * @param copies copies of this secret in a state of {@link #COPY_STATES}
   */
  public void secret(
      String secret,
      ToIntFunction<String> copies,
      BooleanSupplier sourceValid,
      LongSupplier lastSyncSeconds) {
    for (String state : COPY_STATES) {
      Gauge.builder("pullsecret_provisioning_copies", () -> copies.applyAsInt(state))
          .description("Copies of a rule secret by state: desired, in_sync, conflicted, failed")
          .tags("secret", secret, "state", state)
          .register(registry);
    }
    Gauge.builder("pullsecret_provisioning_source_valid", () -> sourceValid.getAsBoolean() ? 1 : 0)
        .description("1 when the source exists and can pull from the rule's registries")
        .tag("secret", secret)
        .register(registry);
    Gauge.builder("pullsecret_provisioning_last_sync_timestamp_seconds", lastSyncSeconds::getAsLong)
        .description("When a reconcile of this secret last succeeded, Unix seconds")
        .tag("secret", secret)
        .register(registry);
  }

  public void reconcileError(String secret) {
    Counter.builder("pullsecret_provisioning_reconcile_errors")
        .description("Reconciles that failed (API errors); retried with backoff")
        .tag("secret", secret)
        .register(registry)
        .increment();
  }

  public void configReload(boolean succeeded) {
    ConfigReloads.count(registry, succeeded);
  }
}
