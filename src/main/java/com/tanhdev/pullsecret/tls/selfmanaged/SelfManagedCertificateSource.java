package com.tanhdev.pullsecret.tls.selfmanaged;

import com.tanhdev.pullsecret.pki.TlsMaterialException;
import com.tanhdev.pullsecret.tls.RefreshingCertificateSource;
import com.tanhdev.pullsecret.tls.TlsMaterial;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
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
public final class SelfManagedCertificateSource extends RefreshingCertificateSource {

  private static final Logger log = LoggerFactory.getLogger(SelfManagedCertificateSource.class);

  private final CertificateReconciler reconciler;
  private final Object checkLock = new Object();

  private String lastFailure; // logged once, not on every check; guarded by checkLock

  public SelfManagedCertificateSource(
      CertificateReconciler reconciler, Duration checkInterval, Clock clock) {
    super(checkInterval, clock, "tls-self-managed");
    this.reconciler = reconciler;
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

  /** A first check, refusing to start without a certificate. */
  @Override
  protected void loadFirst() throws TlsMaterialException {
    tick();
  }

  /** One check now: rotation steps that are due, then serving whatever the Secret holds. */
  void tick() throws TlsMaterialException {
    synchronized (checkLock) {
      CertificateBundle bundle = reconciler.reconcile();
      TlsMaterial material =
          bundle
              .servingMaterial()
              .orElseThrow(() -> new TlsMaterialException("the Secret has no serving certificate"));
      TlsMaterial current = served();
      if (current == null || !current.leaf().equals(material.leaf())) {
        serve(material);
        log.info("Serving {} (trusted CAs: {})", material, bundle.trustedCas().size());
      }
      lastFailure = null;
    }
  }

  @Override
  protected void refresh() {
    try {
      tick();
    } catch (TlsMaterialException | RuntimeException e) {
      if (isClosed()) {
        return; // shutting down interrupts a check in flight: not a failure worth an alarm
      }
      synchronized (checkLock) {
        if (!String.valueOf(e.getMessage()).equals(lastFailure)) {
          log.error("Certificate check failed: {}; still serving {}", e.getMessage(), served(), e);
        }
        lastFailure = String.valueOf(e.getMessage());
      }
    }
  }
}
