package com.tanhdev.pullsecret.policy;

import java.util.List;

/**
 * What to do with one object and why. A plain value: no JSON, no HTTP.
 *
 * @param outcome the headline decision
 * @param secretsToAdd secret names to append to {@code imagePullSecrets}, in order, never repeated
 * @param checks what was found out about each needed secret
 * @param warnings sentences for the API client, one per reason
 * @param denyMessage the rejection message when {@code outcome} is a denial, else null
 */
public record InjectionDecision(
    Outcome outcome,
    List<String> secretsToAdd,
    List<SecretCheck> checks,
    List<String> warnings,
    String denyMessage) {

  public InjectionDecision {
    secretsToAdd = List.copyOf(secretsToAdd);
    checks = List.copyOf(checks);
    warnings = List.copyOf(warnings);
  }

  /** A decision that touches nothing. */
  public static InjectionDecision unchanged(Outcome outcome, List<String> warnings) {
    return new InjectionDecision(outcome, List.of(), List.of(), warnings, null);
  }

  public boolean isDenied() {
    return outcome == Outcome.DENIED_MISSING_SECRET || outcome == Outcome.DENIED_INVALID_SECRET;
  }
}
