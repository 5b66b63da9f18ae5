package com.tanhdev.pullsecret.tls.selfmanaged;

import static com.tanhdev.pullsecret.tls.selfmanaged.TestSettings.NAMES;
import static com.tanhdev.pullsecret.tls.selfmanaged.TestSettings.OVERLAP;
import static org.assertj.core.api.Assertions.assertThat;

import com.tanhdev.pullsecret.pki.CertificateAuthority;
import com.tanhdev.pullsecret.pki.KeyAlgorithm;
import com.tanhdev.pullsecret.pki.SubjectAlternativeNames;
import com.tanhdev.pullsecret.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RotationPlannerTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
  private final BundleIssuer issuer = new BundleIssuer(TestSettings.clockDriven(), clock);
  private final RotationPlanner planner = new RotationPlanner(NAMES, OVERLAP);

  @Test
  void a_fresh_bundle_needs_nothing() {
    assertThat(stepFor(issuer.create())).isEqualTo(RotationStep.KEEP);
  }

  @Test
  void the_serving_certificate_is_renewed_at_two_thirds_of_its_lifetime() {
    CertificateBundle bundle = issuer.create();
    Instant renewal = RotationPlanner.renewalTime(bundle.serving().orElseThrow().certificate());

    clock.set(renewal.minus(MINUTE));
    assertThat(stepFor(bundle)).isEqualTo(RotationStep.KEEP);
    clock.set(renewal);
    assertThat(stepFor(bundle)).isEqualTo(RotationStep.RENEW_SERVING);
  }

  @Test
  void a_serving_certificate_without_a_wanted_name_is_renewed() {
    CertificateBundle bundle = issuer.create();
    RotationPlanner wantingMore =
        new RotationPlanner(NAMES.plus(List.of("webhook.example"), List.of()), OVERLAP);

    assertThat(wantingMore.plan(bundle, clock.instant(), true).step())
        .isEqualTo(RotationStep.RENEW_SERVING);
  }

  @Test
  void a_missing_serving_certificate_is_issued_at_once() {
    CertificateBundle bundle = withoutServing(issuer.create());

    assertThat(stepFor(bundle)).isEqualTo(RotationStep.RENEW_SERVING);
  }

  @Test
  void the_ca_is_rotated_at_two_thirds_of_its_lifetime() {
    CertificateBundle bundle = issuer.create();
    Instant rotation = RotationPlanner.renewalTime(bundle.currentCa().certificate());

    clock.set(rotation.minus(MINUTE));
    CertificateBundle renewed = issuer.apply(RotationStep.RENEW_SERVING, bundle);
    assertThat(stepFor(renewed)).isEqualTo(RotationStep.KEEP);
    clock.set(rotation);
    assertThat(stepFor(renewed)).isEqualTo(RotationStep.INTRODUCE_CA);
  }

  @Test
  void a_rotation_requested_on_the_secret_introduces_a_new_ca() {
    assertThat(stepFor(requested(issuer.create()))).isEqualTo(RotationStep.INTRODUCE_CA);
  }

  @Test
  void a_new_ca_is_trusted_alongside_the_old_one_while_the_old_one_still_serves() {
    CertificateBundle before = issuer.create();

    CertificateBundle introduced = issuer.apply(RotationStep.INTRODUCE_CA, before);

    assertThat(introduced.phase()).isEqualTo(RotationPhase.NEW_CA_TRUSTED);
    assertThat(introduced.trustedCas())
        .containsExactly(introduced.currentCa().certificate(), before.currentCa().certificate());
    assertThat(introduced.serving()).isEqualTo(before.serving());
    assertThat(introduced.phaseSince()).contains(clock.instant());
  }

  @Test
  void the_switch_to_the_new_ca_waits_for_the_overlap() {
    CertificateBundle introduced = issuer.apply(RotationStep.INTRODUCE_CA, issuer.create());

    clock.advance(OVERLAP.minus(MINUTE));
    assertThat(stepFor(introduced)).isEqualTo(RotationStep.KEEP);
    clock.advance(MINUTE);
    assertThat(stepFor(introduced)).isEqualTo(RotationStep.SWITCH_TO_NEW_CA);
  }

  @Test
  void the_switch_waits_until_the_webhook_configuration_trusts_the_new_ca() {
    CertificateBundle introduced = issuer.apply(RotationStep.INTRODUCE_CA, issuer.create());
    clock.advance(OVERLAP.multipliedBy(10));

    assertThat(planner.plan(introduced, clock.instant(), false).step())
        .isEqualTo(RotationStep.KEEP);
  }

  @Test
  void a_rotation_requested_during_a_rotation_starts_no_second_one() {
    CertificateBundle introduced = issuer.apply(RotationStep.INTRODUCE_CA, issuer.create());

    assertThat(stepFor(requested(introduced))).isEqualTo(RotationStep.KEEP);
  }

  @Test
  void an_expired_serving_certificate_switches_to_the_new_ca_without_waiting() {
    CertificateBundle introduced = issuer.apply(RotationStep.INTRODUCE_CA, issuer.create());
    clock.set(introduced.serving().orElseThrow().certificate().getNotAfter().toInstant());

    assertThat(planner.plan(introduced, clock.instant(), false).step())
        .isEqualTo(RotationStep.SWITCH_TO_NEW_CA);
  }

  @Test
  void after_the_switch_both_cas_stay_trusted_for_the_overlap_then_the_old_one_is_dropped() {
    CertificateBundle introduced = issuer.apply(RotationStep.INTRODUCE_CA, issuer.create());
    clock.advance(OVERLAP);
    CertificateBundle switched = issuer.apply(RotationStep.SWITCH_TO_NEW_CA, introduced);
    assertThat(switched.phase()).isEqualTo(RotationPhase.NEW_CA_SERVING);
    assertThat(switched.trustedCas()).isEqualTo(introduced.trustedCas());

    clock.advance(OVERLAP.minus(MINUTE));
    assertThat(stepFor(switched)).isEqualTo(RotationStep.KEEP);
    clock.advance(MINUTE);
    assertThat(stepFor(switched)).isEqualTo(RotationStep.DROP_OLD_CAS);

    CertificateBundle dropped = issuer.apply(RotationStep.DROP_OLD_CAS, switched);
    assertThat(dropped.trustedCas()).containsExactly(switched.currentCa().certificate());
    assertThat(dropped.phase()).isEqualTo(RotationPhase.STEADY);
    assertThat(stepFor(dropped)).isEqualTo(RotationStep.KEEP);
  }

  @Test
  void a_lost_phase_start_is_restarted_rather_than_skipped() {
    CertificateBundle introduced = issuer.apply(RotationStep.INTRODUCE_CA, issuer.create());
    CertificateBundle lost =
        new CertificateBundle(
            introduced.currentCa(),
            introduced.olderCas(),
            introduced.serving(),
            Optional.empty(),
            false);
    clock.advance(OVERLAP.multipliedBy(10));

    assertThat(stepFor(lost)).isEqualTo(RotationStep.RESTART_PHASE_CLOCK);
  }

  @Test
  void an_expired_ca_is_replaced() {
    CertificateBundle bundle = issuer.create();
    clock.set(bundle.currentCa().certificate().getNotAfter().toInstant());

    assertThat(stepFor(bundle)).isEqualTo(RotationStep.REPLACE);
  }

  @Test
  void a_certificate_for_an_ipv6_address_covers_its_short_spelling() {
    SubjectAlternativeNames ipv6 = new SubjectAlternativeNames(List.of(), List.of("::1"));
    var serving =
        CertificateAuthority.of(issuer.create().currentCa(), clock)
            .issueServingCertificate(
                new SubjectAlternativeNames(List.of(), List.of("0:0:0:0:0:0:0:1")),
                KeyAlgorithm.EC_P256,
                Duration.ofDays(1));

    assertThat(ServingNames.covers(serving.certificate(), ipv6)).isTrue();
    assertThat(ServingNames.covers(serving.certificate(), NAMES)).isFalse();
  }

  private RotationStep stepFor(CertificateBundle bundle) {
    return planner.plan(bundle, clock.instant(), true).step();
  }

  private static CertificateBundle withoutServing(CertificateBundle bundle) {
    return new CertificateBundle(
        bundle.currentCa(), bundle.olderCas(), Optional.empty(), bundle.phaseSince(), false);
  }

  private static CertificateBundle requested(CertificateBundle bundle) {
    return new CertificateBundle(
        bundle.currentCa(), bundle.olderCas(), bundle.serving(), bundle.phaseSince(), true);
  }
}
