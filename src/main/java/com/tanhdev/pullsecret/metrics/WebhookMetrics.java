package com.tanhdev.pullsecret.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Every metric the webhook exports, named in one place. Generic request metrics follow
 * controller-runtime's {@code controller_runtime_webhook_*} names so existing dashboards work;
 * domain metrics carry the {@code pullsecret_} prefix. Names are documented in the README.
 */
public final class WebhookMetrics {

  private static final String WEBHOOK = "/mutate";

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Timer latency;

  public WebhookMetrics() {
    Gauge.builder("controller_runtime_webhook_requests_in_flight", inFlight, AtomicInteger::get)
        .description("Admission requests being served")
        .tag("webhook", WEBHOOK)
        .register(registry);
    latency =
        Timer.builder("controller_runtime_webhook_latency")
            .description("Time to answer an admission request")
            .tag("webhook", WEBHOOK)
            .serviceLevelObjectives(buckets())
            .register(registry);
  }

  /** The Prometheus text exposition. */
  public String scrape() {
    return registry.scrape();
  }

  public void requestStarted() {
    inFlight.incrementAndGet();
  }

  /** Records one answered HTTP request on the webhook path, whatever its status code. */
  public void requestFinished(int statusCode, long nanos) {
    inFlight.decrementAndGet();
    latency.record(Duration.ofNanos(nanos));
    Counter.builder("controller_runtime_webhook_requests")
        .description("Admission requests by HTTP status code")
        .tags("webhook", WEBHOOK, "code", Integer.toString(statusCode))
        .register(registry)
        .increment();
  }

  /** Records one decided review. */
  public void review(String kind, String operation, String outcome) {
    Counter.builder("pullsecret_admissions")
        .description("Reviews by kind, operation and decision")
        .tags("kind", kind, "operation", operation, "outcome", outcome)
        .register(registry)
        .increment();
  }

  public void injection(String secret) {
    Counter.builder("pullsecret_injections")
        .description("Pull secret entries added, by secret")
        .tag("secret", secret)
        .register(registry)
        .increment();
  }

  /** Reasons: secret-missing, secret-invalid, secret-unknown, opted-out, invalid-pod-spec. */
  public void skip(String reason) {
    Counter.builder("pullsecret_skips")
        .description("Objects or secrets left out, by reason")
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  /**
   * Counts a review that needed a secret its namespace lacks or holds in an unusable form; {@code
   * problem} is secret-missing, secret-wrong-type, secret-unparsable or secret-lacks-registry. The
   * namespace label is what lets an alert say where to look; it is bounded by the namespaces that
   * pull from a configured registry. It is not called {@code namespace}: Prometheus already gives
   * every scraped series the webhook pod's own namespace under that name.
   */
  public void secretProblem(String namespace, String secret, String problem) {
    Counter.builder("pullsecret_secret_problems")
        .description("Reviews that needed a missing or unusable pull secret, by namespace")
        .tags("workload_namespace", namespace, "secret", secret, "problem", problem)
        .register(registry)
        .increment();
  }

  /** Results: cache_hit, live_hit, miss, error. */
  public void lookup(String result) {
    Counter.builder("pullsecret_secret_lookups")
        .description("Secret existence lookups by result")
        .tag("result", result)
        .register(registry)
        .increment();
  }

  /**
   * Counts connections closed before their TLS handshake because the webhook was overloaded; {@code
   * limit} is {@code handshakes} (the handshake budget) or {@code connections} (too many open).
   */
  public void connectionRefused(String limit) {
    Counter.builder("pullsecret_connections_refused")
        .description("New connections closed before their TLS handshake, by the limit reached")
        .tag("limit", limit)
        .register(registry)
        .increment();
  }

  /**
   * Counts connections closed because a phase ({@code handshake}, {@code headers}, {@code body},
   * {@code answer}) outlasted its deadline.
   */
  public void connectionTimedOut(String phase) {
    Counter.builder("pullsecret_connection_timeouts")
        .description("Connections ended because a phase outlasted its deadline, by phase")
        .tag("phase", phase)
        .register(registry)
        .increment();
  }

  /** Counts stalled connections closed to make room for a new one at the connection limit. */
  public void connectionEvicted(String phase) {
    Counter.builder("pullsecret_connections_evicted")
        .description("Stalled connections closed to make room for new ones, by phase")
        .tag("phase", phase)
        .register(registry)
        .increment();
  }

  /** Counts requests answered 503 because a limit was reached; {@code limit} is {@code memory}. */
  public void requestRefused(String limit) {
    Counter.builder("pullsecret_requests_refused")
        .description("Requests refused with 503 because a limit was reached, by limit")
        .tag("limit", limit)
        .register(registry)
        .increment();
  }

  /** Exposes the heap that request bodies in progress hold, and the budget for it. */
  public void requestMemory(Supplier<Number> usedBytes, long limitBytes) {
    Gauge.builder("pullsecret_request_memory_bytes", usedBytes)
        .description("Heap held by request bodies in progress")
        .register(registry);
    Gauge.builder("pullsecret_request_memory_limit_bytes", () -> limitBytes)
        .description("The budget for heap held by request bodies in progress")
        .register(registry);
  }

  /** Counts unexpected failures inside a decision (answered allowed, unchanged). */
  public void decisionError() {
    Counter.builder("pullsecret_decision_errors")
        .description("Unexpected failures inside a decision; the object was allowed unchanged")
        .register(registry)
        .increment();
  }

  public void configReload(boolean succeeded) {
    ConfigReloads.count(registry, succeeded);
  }

  /** Exposes the served certificate's expiry so users can alert well before it. */
  public void certificateExpiry(Supplier<Number> unixSeconds) {
    Gauge.builder("pullsecret_tls_certificate_expiry_timestamp_seconds", unixSeconds)
        .description("Expiry of the served TLS certificate, Unix seconds")
        .register(registry);
  }

  private static Duration[] buckets() {
    double[] seconds = {
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
    };
    Duration[] buckets = new Duration[seconds.length];
    for (int i = 0; i < seconds.length; i++) {
      buckets[i] = Duration.ofNanos((long) (seconds[i] * 1_000_000_000L));
    }
    return buckets;
  }
}
