package com.tanhdev.pullsecret.tls.selfmanaged;

import com.tanhdev.pullsecret.pki.KeyAlgorithm;
import com.tanhdev.pullsecret.pki.SubjectAlternativeNames;
import java.time.Duration;
import java.util.List;

/** Settings for tests: the production names plus loopback, and lifetimes a test can reach. */
final class TestSettings {

  static final String NAMESPACE = "pullsecret-system";
  static final String SECRET = "pullsecret-webhook-tls";
  static final String CONFIGURATION = "pullsecret-webhook";
  static final SubjectAlternativeNames NAMES =
      SubjectAlternativeNames.forService("pullsecret-webhook", NAMESPACE)
          .plus(List.of("localhost"), List.of("127.0.0.1"));
  static final Duration CA_VALIDITY = Duration.ofDays(30);
  static final Duration SERVING_VALIDITY = Duration.ofDays(3);
  static final Duration OVERLAP = Duration.ofHours(4);

  private TestSettings() {}

  /** For tests that move a clock and call tick(): the scheduled check never comes first. */
  static SelfManagedSettings clockDriven() {
    return withTiming(OVERLAP, Duration.ofHours(1));
  }

  static SelfManagedSettings withTiming(Duration overlap, Duration checkInterval) {
    return new SelfManagedSettings(
        NAMESPACE,
        SECRET,
        CONFIGURATION,
        NAMES,
        KeyAlgorithm.EC_P256,
        CA_VALIDITY,
        SERVING_VALIDITY,
        overlap,
        checkInterval);
  }
}
