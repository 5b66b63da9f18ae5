package com.tanhdev.pullsecret.tls;

import com.tanhdev.pullsecret.pki.TlsMaterialException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
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
public final class FileCertificateSource extends RefreshingCertificateSource {

  /** Kubelet refreshes Secret volumes every minute or so; two seconds adds little to that. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);

  private static final Logger log = LoggerFactory.getLogger(FileCertificateSource.class);

  private final Path certificateFile;
  private final Path keyFile;

  private TlsFileSnapshot lastAttempted; // touched by start() and then only the poll thread
  private String lastReadFailure; // logged once, not on every poll

  public FileCertificateSource(Path certFile, Path keyFile, Duration pollInterval, Clock clock) {
    super(pollInterval, clock, "tls-reload");
    this.certificateFile = Objects.requireNonNull(certFile, "certFile");
    this.keyFile = Objects.requireNonNull(keyFile, "keyFile");
  }

  /** Loads the files once, refusing to start on unusable material. */
  @Override
  protected void loadFirst() throws TlsMaterialException {
    TlsFileSnapshot contents = TlsFileSnapshot.read(certificateFile, keyFile);
    install(contents.parse(certificateFile, keyFile, now()));
    lastAttempted = contents;
  }

  @Override
  protected void refresh() {
    TlsFileSnapshot contents;
    try {
      contents = TlsFileSnapshot.read(certificateFile, keyFile);
      lastReadFailure = null;
    } catch (TlsMaterialException e) {
      if (!e.getMessage().equals(lastReadFailure)) {
        log.error(
            "Cannot read TLS files: {}; still serving {}", e.getMessage(), describe(served()));
      }
      lastReadFailure = e.getMessage();
      return;
    }
    if (contents.equals(lastAttempted)) {
      return;
    }
    lastAttempted = contents;
    try {
      install(contents.parse(certificateFile, keyFile, now()));
    } catch (TlsMaterialException e) {
      log.error("Rejected new TLS files: {}; still serving {}", e.getMessage(), describe(served()));
    }
  }

  private void install(TlsMaterial material) throws TlsMaterialException {
    serve(material);
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
