package com.tanhdev.pullsecret.tls;

import com.tanhdev.pullsecret.pki.TlsMaterialException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every certificate source shares: the Jetty factory whose certificate is swapped in place,
 * the material being served, one definition of ready, and a daemon thread that refreshes on a fixed
 * delay. A source only says how to load its first certificate and how to refresh.
 */
public abstract class RefreshingCertificateSource implements CertificateSource {

  private final Logger log = LoggerFactory.getLogger(getClass());
  private final ReloadableServerContext context = new ReloadableServerContext();
  private final Duration interval;
  private final String threadName;
  private final Clock clock;

  private volatile TlsMaterial served;
  private volatile boolean closed;
  private ScheduledExecutorService refresher; // guarded by this

  protected RefreshingCertificateSource(Duration interval, Clock clock, String threadName) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("the refresh interval must be positive: " + interval);
    }
    this.interval = interval;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.threadName = threadName;
  }

  /** Loads what to serve first; throws when there is nothing servable. */
  protected abstract void loadFirst() throws TlsMaterialException;

  /**
   * One periodic refresh. It keeps the current certificate whenever the new material is unusable,
   * and says why in the log.
   */
  protected abstract void refresh();

  @Override
  public final SslContextFactory.Server sslContextFactory() {
    return context.factory();
  }

  @Override
  public final synchronized void start() throws TlsMaterialException {
    if (refresher != null) {
      throw new IllegalStateException("already started");
    }
    loadFirst();
    refresher =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, threadName);
              thread.setDaemon(true);
              return thread;
            });
    long millis = interval.toMillis();
    refresher.scheduleWithFixedDelay(this::refreshSafely, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Ready while a certificate is served and not past its notAfter, which X.509 includes. */
  @Override
  public final boolean isReady() {
    TlsMaterial current = served;
    return current != null && !clock.instant().isAfter(current.notAfter());
  }

  @Override
  public final Optional<Instant> notAfter() {
    return Optional.ofNullable(served).map(TlsMaterial::notAfter);
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (refresher != null) {
      refresher.shutdownNow();
    }
  }

  /** Serves {@code material} to every new handshake from now on. */
  protected final void serve(TlsMaterial material) throws TlsMaterialException {
    context.install(material);
    served = material;
  }

  /** What is served now; null before the first certificate. */
  protected final TlsMaterial served() {
    return served;
  }

  protected final Instant now() {
    return clock.instant();
  }

  /** True once closing began: a refresh interrupted by it is not a failure worth an alarm. */
  protected final boolean isClosed() {
    return closed;
  }

  // Any exception escaping a scheduled task would silently cancel all later refreshes.
  private void refreshSafely() {
    try {
      refresh();
    } catch (RuntimeException e) {
      if (!closed) {
        log.error("Certificate refresh failed unexpectedly; still serving {}", served, e);
      }
    }
  }
}
