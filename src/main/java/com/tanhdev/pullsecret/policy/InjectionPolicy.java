package com.tanhdev.pullsecret.policy;

import com.tanhdev.pullsecret.lookup.LookupResult;
import com.tanhdev.pullsecret.lookup.NamespaceLabels;
import com.tanhdev.pullsecret.lookup.SecretAnswer;
import com.tanhdev.pullsecret.lookup.SecretFacts;
import com.tanhdev.pullsecret.lookup.SecretLookup;
import com.tanhdev.pullsecret.lookup.SecretProblem;
import com.tanhdev.pullsecret.podspec.PodSpecFacts;
import com.tanhdev.pullsecret.podspec.PullSecretsField;
import com.tanhdev.pullsecret.podspec.WorkloadKind;
import com.tanhdev.pullsecret.provision.ProvisionedNamespaces;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The decision: given a pod spec's facts, the rules and what the lookup says, which secrets to add
 * and why. Mode (enforce or report) is applied by the caller; the decision is the same in both.
 */
public final class InjectionPolicy {

  private final PolicySettings settings;
  private final RuleMatcher matcher;
  private final SecretLookup lookup;
  private final NamespaceLabels namespaceLabels;

  public InjectionPolicy(PolicySettings settings, SecretLookup lookup) {
    this(settings, lookup, NamespaceLabels.UNKNOWN);
  }

  /**
   * @param namespaceLabels asked only when provisioning selects namespaces by label
   */
  public InjectionPolicy(
      PolicySettings settings, SecretLookup lookup, NamespaceLabels namespaceLabels) {
    this.settings = settings;
    this.matcher = new RuleMatcher(settings.rules());
    this.lookup = lookup;
    this.namespaceLabels = namespaceLabels;
  }

  public PolicySettings settings() {
    return settings;
  }

  public InjectionDecision decide(WorkloadKind kind, String namespace, PodSpecFacts facts) {
    RuleMatcher.Matches matches = matcher.match(facts.images());
    List<String> warnings = new ArrayList<>(facts.problems());
    warnings.addAll(matches.invalidImages());
    if (matches.needed().isEmpty()) {
      return InjectionDecision.unchanged(Outcome.NO_MATCHING_IMAGE, warnings);
    }
    if (facts.pullSecretsField() == PullSecretsField.WRONG_TYPE) {
      warnings.add(facts.pullSecretsProblem());
      return InjectionDecision.unchanged(Outcome.INVALID_POD_SPEC, warnings);
    }
    SecretVerdicts verdicts = new SecretVerdicts(settings.missingSecret(), kind, namespace);
    for (NeededSecret needed : matches.needed()) {
      verdicts.add(check(namespace, needed, facts));
    }
    warnings.addAll(verdicts.warnings());
    return new InjectionDecision(
        verdicts.outcome(),
        verdicts.secretsToAdd(),
        verdicts.checks(),
        warnings,
        verdicts.denyMessage());
  }

  private SecretCheck check(String namespace, NeededSecret needed, PodSpecFacts facts) {
    if (facts.lists(needed.secret())) {
      return SecretCheck.listed(needed);
    }
    SecretAnswer answer = lookup.inspect(namespace, needed.secret());
    if (answer.result() == LookupResult.MISS && isProvisioned(namespace, needed.secret())) {
      return SecretCheck.beingProvisioned(needed, answer.result());
    }
    SecretFacts found = answer.result().isPresent() ? answer.facts() : null;
    SecretProblem problem = found == null ? null : found.problemFor(needed.registry()).orElse(null);
    String description =
        found == null ? null : found.describeProblemFor(needed.registry()).orElse(null);
    return new SecretCheck(
        needed.secret(), needed.registry(), false, answer.result(), problem, description, false);
  }

  /**
   * Only a secret reported missing counts: one that exists but cannot pull is not overridden, as
   * the provisioner leaves a secret it did not create alone. Labels that cannot be read count as
   * not provisioned, the answer the webhook gave before provisioning existed.
   */
  private boolean isProvisioned(String namespace, String secret) {
    ProvisionedNamespaces provisioned = settings.provisioned();
    if (!provisioned.readsLabels(secret)) {
      return provisioned.isProvisioned(secret, namespace, Map.of());
    }
    return namespaceLabels
        .of(namespace)
        .map(labels -> provisioned.isProvisioned(secret, namespace, labels))
        .orElse(false);
  }
}
