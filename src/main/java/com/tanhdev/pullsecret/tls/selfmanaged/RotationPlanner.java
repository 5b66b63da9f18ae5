package com.tanhdev.pullsecret.tls.selfmanaged;

import com.tanhdev.pullsecret.pki.IssuedCertificate;
import com.tanhdev.pullsecret.pki.SubjectAlternativeNames;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides the next change to a bundle from the bundle, the time and whether the webhook
 * configuration already trusts the bundle's CAs. Pure: no clock, no client, no randomness.
 *
 * <p>Certificates are renewed at two thirds of their lifetime, which leaves a third to retry when
 * the API server is unreachable for a while. A CA is rotated through the {@link RotationPhase}s,
 * each lasting at least the overlap. Replicas do not report which certificate they serve; instead,
 * every replica reads the same Secret at least once per check interval, so an overlap several
 * intervals long means every live replica has reloaded before the next phase starts.
 */
public final class RotationPlanner {

  private final SubjectAlternativeNames names;
  private final Duration overlap;

  public RotationPlanner(SubjectAlternativeNames names, Duration overlap) {
    this.names = names;
    this.overlap = overlap;
  }

  public RotationPlan plan(CertificateBundle bundle, Instant now, boolean isTrustPublished) {
    X509Certificate ca = bundle.currentCa().certificate();
    if (!now.isBefore(ca.getNotAfter().toInstant())) {
      return new RotationPlan(RotationStep.REPLACE, "the CA expired at " + ca.getNotAfter());
    }
    return switch (bundle.phase()) {
      case STEADY -> steady(bundle, now);
      case NEW_CA_TRUSTED -> newCaTrusted(bundle, now, isTrustPublished);
      case NEW_CA_SERVING -> newCaServing(bundle, now);
    };
  }

  private RotationPlan steady(CertificateBundle bundle, Instant now) {
    // First a servable certificate: a new CA keeps the old serving certificate for a while.
    Optional<String> unusable = servingProblem(bundle.serving(), now, false);
    if (unusable.isPresent()) {
      return new RotationPlan(RotationStep.RENEW_SERVING, unusable.get());
    }
    if (bundle.isRotationRequested()) {
      return new RotationPlan(RotationStep.INTRODUCE_CA, "a CA rotation was requested");
    }
    if (!now.isBefore(renewalTime(bundle.currentCa().certificate()))) {
      return new RotationPlan(
          RotationStep.INTRODUCE_CA, "the CA reached two thirds of its lifetime");
    }
    return servingProblem(bundle.serving(), now, true)
        .map(problem -> new RotationPlan(RotationStep.RENEW_SERVING, problem))
        .orElse(RotationPlan.keep("steady"));
  }

  private RotationPlan newCaTrusted(
      CertificateBundle bundle, Instant now, boolean isTrustPublished) {
    // Renewal may wait for the switch, a few minutes away; an unusable certificate may not.
    Optional<String> unusable = servingProblem(bundle.serving(), now, false);
    if (unusable.isPresent()) {
      return new RotationPlan(RotationStep.SWITCH_TO_NEW_CA, unusable.get());
    }
    if (bundle.phaseSince().isEmpty()) {
      return new RotationPlan(RotationStep.RESTART_PHASE_CLOCK, "the phase start is unknown");
    }
    if (now.isBefore(bundle.phaseSince().get().plus(overlap))) {
      return RotationPlan.keep("the new CA is spreading to the API servers");
    }
    if (!isTrustPublished) {
      return RotationPlan.keep("the webhook configuration does not trust the new CA yet");
    }
    return new RotationPlan(
        RotationStep.SWITCH_TO_NEW_CA, "the new CA has been in the caBundle for the overlap");
  }

  private RotationPlan newCaServing(CertificateBundle bundle, Instant now) {
    Optional<String> problem = servingProblem(bundle.serving(), now, true);
    if (problem.isPresent()) {
      return new RotationPlan(RotationStep.RENEW_SERVING, problem.get());
    }
    if (bundle.phaseSince().isEmpty()) {
      return new RotationPlan(RotationStep.RESTART_PHASE_CLOCK, "the phase start is unknown");
    }
    if (now.isBefore(bundle.phaseSince().get().plus(overlap))) {
      return RotationPlan.keep("replicas are reloading the certificate from the new CA");
    }
    return new RotationPlan(
        RotationStep.DROP_OLD_CAS, "every replica has had the overlap to serve from the new CA");
  }

  private Optional<String> servingProblem(
      Optional<IssuedCertificate> serving, Instant now, boolean isRenewalDue) {
    if (serving.isEmpty()) {
      return Optional.of("there is no usable serving certificate");
    }
    X509Certificate certificate = serving.get().certificate();
    if (!now.isBefore(certificate.getNotAfter().toInstant())) {
      return Optional.of("the serving certificate expired at " + certificate.getNotAfter());
    }
    if (!ServingNames.covers(certificate, names)) {
      return Optional.of("the serving certificate does not cover " + names);
    }
    if (isRenewalDue && !now.isBefore(renewalTime(certificate))) {
      return Optional.of("the serving certificate reached two thirds of its lifetime");
    }
    return Optional.empty();
  }

  static Instant renewalTime(X509Certificate certificate) {
    Instant notBefore = certificate.getNotBefore().toInstant();
    Duration lifetime = Duration.between(notBefore, certificate.getNotAfter().toInstant());
    return notBefore.plus(lifetime.multipliedBy(2).dividedBy(3));
  }
}
