package com.tanhdev.pullsecret.tls.selfmanaged;

import com.tanhdev.pullsecret.tls.CertificateSource;
import com.tanhdev.pullsecret.tls.ReloadableServerContext;
import com.tanhdev.pullsecret.tls.TlsMaterial;
import com.tanhdev.pullsecret.tls.TlsMaterialException;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the certificate kept in the self-managed Secret, creating the Secret and rotating its
 * certificates as needed (see {@link RotationPlanner}), and keeps the webhook configuration's
 * caBundle equal to the Secret's {@code ca.crt}.
 *
 * <p>Every check interval it reads the Secret with a plain GET: the chart grants get on that one
 * Secret but no watch, and one small read every few seconds costs nothing. {@link #tick()} runs one
 * check at once, for tests that move a clock instead of waiting.
 */
public final class SelfManagedCertificateSource implements CertificateSource {

  private static final Logger log = LoggerFactory.getLogger(SelfManagedCertificateSource.class);

  private final CertificateReconciler reconciler;
  private final Duration checkInterval;
  private final Clock clock;
  private final ReloadableServerContext context = new ReloadableServerContext();
  private final Object checkLock = new Object();

  private volatile TlsMaterial served;
  private String lastFailure; // logged once, not on every check; guarded by checkLock
  private ScheduledExecutorService checker; // guarded by this

  public SelfManagedCertificateSource(
      CertificateReconciler reconciler, Duration checkInterval, Clock clock) {
    this.reconciler = reconciler;
    this.checkInterval = checkInterval;
    this.clock = clock;
  }

  /** Wires the store, publisher, planner and issuer for these settings. */
  public static SelfManagedCertificateSource create(
      KubernetesClient client, SelfManagedSettings settings, Clock clock) {
    CertificateReconciler reconciler =
        new CertificateReconciler(
            new SecretCertificateStore(client, settings.namespace(), settings.secretName()),
            new CaBundlePublisher(client, settings.webhookConfigurationName()),
            new RotationPlanner(settings.names(), settings.overlap()),
            new BundleIssuer(settings, clock),
            clock);
    return new SelfManagedCertificateSource(reconciler, settings.checkInterval(), clock);
  }

  @Override
  public SslContextFactory.Server sslContextFactory() {
    return context.factory();
  }

  /** Runs a first check, refusing to start without a certificate, then checks periodically. */
  @Override
  public synchronized void start() throws TlsMaterialException {
    if (checker != null) {
      throw new IllegalStateException("already started");
    }
    tick();
    checker =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "tls-self-managed");
              thread.setDaemon(true);
              return thread;
            });
    long intervalMillis = checkInterval.toMillis();
    checker.scheduleWithFixedDelay(
        this::tickSafely, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
  }

  /** One check now: rotation steps that are due, then serving whatever the Secret holds. */
  public void tick() throws TlsMaterialException {
    synchronized (checkLock) {
      CertificateBundle bundle = reconciler.reconcile();
      TlsMaterial material =
          bundle
              .servingMaterial()
              .orElseThrow(() -> new TlsMaterialException("the Secret has no serving certificate"));
      if (served == null || !served.leaf().equals(material.leaf())) {
        context.install(material);
        served = material;
        log.info("Serving {} (trusted CAs: {})", material, bundle.trustedCas().size());
      }
      lastFailure = null;
    }
  }

  @Override
  public boolean isReady() {
    TlsMaterial current = served;
    return current != null && clock.instant().isBefore(current.notAfter());
  }

  @Override
  public Optional<Instant> notAfter() {
    return Optional.ofNullable(served).map(TlsMaterial::notAfter);
  }

  private volatile boolean closed;

  @Override
  public synchronized void close() {
    closed = true;
    if (checker != null) {
      checker.shutdownNow();
    }
  }

  // Any exception escaping a scheduled task would silently cancel all later checks.
  private void tickSafely() {
    try {
      tick();
    } catch (TlsMaterialException | RuntimeException e) {
      if (closed) {
        return; // shutting down interrupts a check in flight: not a failure worth an alarm
      }
      synchronized (checkLock) {
        if (!String.valueOf(e.getMessage()).equals(lastFailure)) {
          log.error("Certificate check failed: {}; still serving {}", e.getMessage(), served, e);
        }
        lastFailure = String.valueOf(e.getMessage());
      }
    }
  }
}
