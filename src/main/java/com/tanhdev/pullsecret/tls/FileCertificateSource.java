package com.tanhdev.pullsecret.tls;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the certificate and key found in two PEM files and follows their changes without a
 * restart, keeping the current certificate whenever the new files are unusable.
 *
 * <p>Changes are found by polling the files' bytes rather than with a {@code WatchService}: a
 * Kubernetes Secret volume updates by atomically re-pointing the {@code ..data} symlink, and the
 * files themselves are symlinks through it, so a watch on them or their directory misses the swap.
 * Reading two small files every couple of seconds costs nothing and cannot miss a change.
 *
 * <p>Call {@link #start()} before starting the server that uses {@link #sslContextFactory()}.
 */
public final class FileCertificateSource implements CertificateSource {

  /** Kubelet refreshes Secret volumes every minute or so; two seconds adds little to that. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);

  private static final Logger log = LoggerFactory.getLogger(FileCertificateSource.class);

  private final Path certificateFile;
  private final Path keyFile;
  private final Duration pollInterval;
  private final Clock clock;
  private final ReloadableServerContext context = new ReloadableServerContext();
  private final List<Runnable> reloadListeners = new CopyOnWriteArrayList<>();

  private volatile TlsMaterial served;
  private TlsFileSnapshot lastAttempted; // touched by start() and then only the poll thread
  private String lastReadFailure; // logged once, not on every poll
  private ScheduledExecutorService poller; // guarded by this

  public FileCertificateSource(Path certFile, Path keyFile, Duration pollInterval, Clock clock) {
    this.certificateFile = Objects.requireNonNull(certFile, "certFile");
    this.keyFile = Objects.requireNonNull(keyFile, "keyFile");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("pollInterval must be positive: " + pollInterval);
    }
    this.pollInterval = pollInterval;
  }

  public FileCertificateSource(Path certFile, Path keyFile) {
    this(certFile, keyFile, DEFAULT_POLL_INTERVAL, Clock.systemUTC());
  }

  /** TLS 1.2/1.3, modern cipher suites, no client authentication, the loaded certificate. */
  public SslContextFactory.Server sslContextFactory() {
    return context.factory();
  }

  /** Loads the files once, refusing to start on unusable material, then polls for changes. */
  public synchronized void start() throws TlsMaterialException {
    if (poller != null) {
      throw new IllegalStateException("already started");
    }
    TlsFileSnapshot contents = TlsFileSnapshot.read(certificateFile, keyFile);
    TlsMaterial material = contents.parse(certificateFile, keyFile, clock.instant());
    install(material);
    lastAttempted = contents;
    poller =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "tls-reload");
              thread.setDaemon(true);
              return thread;
            });
    long intervalMillis = pollInterval.toMillis();
    poller.scheduleWithFixedDelay(
        this::pollSafely, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
  }

  /** True while a certificate is loaded and has not expired; readiness reports it. */
  public boolean isReady() {
    TlsMaterial current = served;
    return current != null && !clock.instant().isAfter(current.notAfter());
  }

  /** When the served leaf certificate expires. */
  public Optional<Instant> notAfter() {
    return Optional.ofNullable(served).map(TlsMaterial::notAfter);
  }

  /** Called on the reload thread after each successful reload. */
  public void addReloadListener(Runnable listener) {
    reloadListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  @Override
  public synchronized void close() {
    if (poller != null) {
      poller.shutdownNow();
    }
  }

  // Any exception escaping a scheduled task would silently cancel all later polls.
  private void pollSafely() {
    try {
      poll();
    } catch (RuntimeException e) {
      log.error("TLS reload failed unexpectedly; still serving {}", describe(served), e);
    }
  }

  private void poll() {
    TlsFileSnapshot contents;
    try {
      contents = TlsFileSnapshot.read(certificateFile, keyFile);
      lastReadFailure = null;
    } catch (TlsMaterialException e) {
      if (!e.getMessage().equals(lastReadFailure)) {
        log.error("Cannot read TLS files: {}; still serving {}", e.getMessage(), describe(served));
      }
      lastReadFailure = e.getMessage();
      return;
    }
    if (contents.equals(lastAttempted)) {
      return;
    }
    lastAttempted = contents;
    try {
      install(contents.parse(certificateFile, keyFile, clock.instant()));
    } catch (TlsMaterialException e) {
      log.error("Rejected new TLS files: {}; still serving {}", e.getMessage(), describe(served));
      return;
    }
    for (Runnable listener : reloadListeners) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        log.warn("A TLS reload listener failed", e);
      }
    }
  }

  private void install(TlsMaterial material) throws TlsMaterialException {
    context.install(material);
    served = material;
    log.info("Serving TLS certificate {}", describe(material));
  }

  private static String describe(TlsMaterial material) {
    if (material == null) {
      return "nothing";
    }
    return "subject=%s serial=%s notAfter=%s"
        .formatted(
            material.leaf().getSubjectX500Principal().getName(),
            material.leaf().getSerialNumber().toString(16),
            material.notAfter());
  }
}
