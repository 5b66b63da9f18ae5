package com.tanhdev.pullsecret.tls.selfmanaged;

import com.tanhdev.pullsecret.pki.KeyAlgorithm;
import com.tanhdev.pullsecret.pki.SubjectAlternativeNames;
import java.time.Duration;
import java.util.Objects;

/**
 * What the self-managed certificate mode works with.
 *
 * @param namespace the webhook's own namespace, where the Secret lives
 * @param secretName the Secret holding the CA and the serving certificate
 * @param webhookConfigurationName the MutatingWebhookConfiguration whose caBundle is kept current
 * @param names the names the API server calls the webhook by
 * @param keyAlgorithm the key type of new CAs and serving certificates
 * @param caValidity how long a new CA is valid; it is rotated at two thirds of that
 * @param servingValidity how long a serving certificate is valid; renewed at two thirds of that
 * @param overlap the least time each rotation phase lasts (see {@link RotationPhase})
 * @param checkInterval how often every replica reads the Secret and runs the planner
 */
public record SelfManagedSettings(
    String namespace,
    String secretName,
    String webhookConfigurationName,
    SubjectAlternativeNames names,
    KeyAlgorithm keyAlgorithm,
    Duration caValidity,
    Duration servingValidity,
    Duration overlap,
    Duration checkInterval) {

  // Two years: rotated after about sixteen months, so a CA key is never in use for long.
  public static final Duration DEFAULT_CA_VALIDITY = Duration.ofDays(730);
  // Renewed every sixty days: a stolen key is useful for a short while only.
  public static final Duration DEFAULT_SERVING_VALIDITY = Duration.ofDays(90);
  // A replica may miss a check (a slow API call, a pause); three intervals leave room for that.
  private static final int CHECKS_PER_OVERLAP = 3;

  public SelfManagedSettings {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(secretName, "secretName");
    Objects.requireNonNull(webhookConfigurationName, "webhookConfigurationName");
    Objects.requireNonNull(names, "names");
    Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
    requirePositive("caValidity", caValidity);
    requirePositive("servingValidity", servingValidity);
    requirePositive("overlap", overlap);
    requirePositive("checkInterval", checkInterval);
    if (servingValidity.compareTo(caValidity) > 0) {
      throw new IllegalArgumentException("servingValidity must not exceed caValidity");
    }
    if (overlap.compareTo(checkInterval.multipliedBy(CHECKS_PER_OVERLAP)) < 0) {
      throw new IllegalArgumentException(
          "overlap (%s) must be at least %d check intervals (%s) so that every replica reloads"
              .formatted(overlap, CHECKS_PER_OVERLAP, checkInterval));
    }
  }

  /**
   * The production settings for the webhook's Service in its namespace, with the check interval and
   * rotation overlap of the config file.
   */
  public static SelfManagedSettings forService(
      String namespace,
      String secretName,
      String webhookConfigurationName,
      String serviceName,
      Duration checkInterval,
      Duration overlap) {
    return new SelfManagedSettings(
        namespace,
        secretName,
        webhookConfigurationName,
        SubjectAlternativeNames.forService(serviceName, namespace),
        KeyAlgorithm.EC_P256,
        DEFAULT_CA_VALIDITY,
        DEFAULT_SERVING_VALIDITY,
        overlap,
        checkInterval);
  }

  private static void requirePositive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }
}
