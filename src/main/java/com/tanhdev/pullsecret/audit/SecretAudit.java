package com.tanhdev.pullsecret.audit;

import com.tanhdev.pullsecret.lookup.SecretFacts;
import com.tanhdev.pullsecret.lookup.SecretProblem;
import com.tanhdev.pullsecret.policy.RegistryRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Each audited namespace must hold each rule's secret, usable for the rule's registry. */
final class SecretAudit {

  private final List<RegistryRule> rules;

  SecretAudit(List<RegistryRule> rules) {
    this.rules = List.copyOf(rules);
  }

  List<AuditFinding> findings(ClusterState state) {
    List<AuditFinding> findings = new ArrayList<>();
    for (String namespace : state.namespaces()) {
      // One finding per secret and problem, even when several rules share the secret.
      Set<String> reported = new LinkedHashSet<>();
      for (RegistryRule rule : rules) {
        finding(state, namespace, rule)
            .filter(f -> reported.add(f.secret() + "/" + f.problem() + "/" + f.detail()))
            .ifPresent(findings::add);
      }
    }
    return findings;
  }

  private static Optional<AuditFinding> finding(
      ClusterState state, String namespace, RegistryRule rule) {
    SecretFacts facts = state.secret(namespace, rule.secret());
    if (facts == null) {
      return Optional.of(
          new AuditFinding(
              namespace,
              "Secret",
              rule.secret(),
              rule.secret(),
              FindingProblem.SECRET_MISSING.label(),
              "secret " + rule.secret() + " does not exist in namespace " + namespace));
    }
    Optional<SecretProblem> problem = facts.problemFor(rule.registry());
    return problem.map(
        p ->
            new AuditFinding(
                namespace,
                "Secret",
                rule.secret(),
                rule.secret(),
                FindingProblem.of(p).label(),
                "secret "
                    + rule.secret()
                    + " in namespace "
                    + namespace
                    + " "
                    + facts.describeProblemFor(rule.registry()).orElseThrow()));
  }
}
