package com.tanhdev.pullsecret.tls.selfmanaged;

import com.tanhdev.pullsecret.pki.CertificateAuthority;
import com.tanhdev.pullsecret.pki.IssuedCertificate;
import com.tanhdev.pullsecret.pki.KeyAlgorithm;
import com.tanhdev.pullsecret.pki.SubjectAlternativeNames;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Carries out a {@link RotationStep}: generates the keys and certificates it calls for. */
public final class BundleIssuer {

  private final SubjectAlternativeNames names;
  private final KeyAlgorithm keyAlgorithm;
  private final Duration caValidity;
  private final Duration servingValidity;
  private final Clock clock;

  public BundleIssuer(SelfManagedSettings settings, Clock clock) {
    this.names = settings.names();
    this.keyAlgorithm = settings.keyAlgorithm();
    this.caValidity = settings.caValidity();
    this.servingValidity = settings.servingValidity();
    this.clock = clock;
  }

  /** A first bundle: a new CA, trusted alone, and a serving certificate from it. */
  public CertificateBundle create() {
    IssuedCertificate ca = newCa();
    return new CertificateBundle(
        ca, List.of(), Optional.of(issueServing(ca)), Optional.empty(), false);
  }

  public CertificateBundle apply(RotationStep step, CertificateBundle bundle) {
    IssuedCertificate ca = bundle.currentCa();
    return switch (step) {
      case KEEP -> bundle;
      case REPLACE -> create();
      case RENEW_SERVING ->
          new CertificateBundle(
              ca, bundle.olderCas(), Optional.of(issueServing(ca)), bundle.phaseSince(), false);
      case INTRODUCE_CA -> {
        List<X509Certificate> stillTrusted = new ArrayList<>();
        stillTrusted.add(ca.certificate());
        stillTrusted.addAll(bundle.olderCas());
        yield new CertificateBundle(
            newCa(), stillTrusted, bundle.serving(), Optional.of(clock.instant()), false);
      }
      case SWITCH_TO_NEW_CA ->
          new CertificateBundle(
              ca,
              bundle.olderCas(),
              Optional.of(issueServing(ca)),
              Optional.of(clock.instant()),
              false);
      case DROP_OLD_CAS ->
          new CertificateBundle(ca, List.of(), bundle.serving(), Optional.empty(), false);
      case RESTART_PHASE_CLOCK ->
          new CertificateBundle(
              ca, bundle.olderCas(), bundle.serving(), Optional.of(clock.instant()), false);
    };
  }

  // The creation time in the name tells an operator which CA is which in a caBundle.
  private IssuedCertificate newCa() {
    String commonName = "pullsecret-webhook CA " + clock.instant().truncatedTo(ChronoUnit.SECONDS);
    return CertificateAuthority.create(commonName, keyAlgorithm, caValidity, clock).root();
  }

  private IssuedCertificate issueServing(IssuedCertificate ca) {
    return CertificateAuthority.of(ca, clock)
        .issueServingCertificate(names, keyAlgorithm, servingValidity);
  }
}
