package com.tanhdev.pullsecret.audit;

import com.tanhdev.pullsecret.podspec.OptOut;
import com.tanhdev.pullsecret.podspec.PodSpecFacts;
import com.tanhdev.pullsecret.podspec.PodSpecReader;
import com.tanhdev.pullsecret.podspec.PullSecretsField;
import com.tanhdev.pullsecret.policy.NeededSecret;
import com.tanhdev.pullsecret.policy.RuleMatcher;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Every workload and Pod whose images need a rule's secret that its pod spec will not pull with:
 * created before the webhook, opted out, or skipped by it. Opted-out objects are reported too
 * (their pulls fail all the same), with the opt-out named in the detail.
 */
final class WorkloadAudit {

  private final RuleMatcher matcher;
  private final PodSpecReader reader = new PodSpecReader();

  WorkloadAudit(RuleMatcher matcher) {
    this.matcher = matcher;
  }

  List<AuditFinding> findings(ClusterState state) {
    List<AuditFinding> findings = new ArrayList<>();
    for (AuditedObject object : state.objects()) {
      JsonNode podSpec = object.json().at(object.kind().podSpecPointer());
      if (!podSpec.isObject()) {
        continue;
      }
      PodSpecFacts facts = reader.read(podSpec, object.kind().isPod());
      if (facts.pullSecretsField() == PullSecretsField.WRONG_TYPE) {
        continue; // the API server never stores such an object
      }
      for (NeededSecret needed : matcher.match(facts.images()).needed()) {
        if (!PullSecretCoverage.covers(
            state, object.namespace(), podSpec, facts, needed.secret())) {
          findings.add(finding(object, needed));
        }
      }
    }
    return findings;
  }

  private static AuditFinding finding(AuditedObject object, NeededSecret needed) {
    String why =
        OptOut.isOptedOut(object.kind(), object.json())
            ? "; it is opted out with " + OptOut.ANNOTATION + ": \"false\""
            : "";
    return new AuditFinding(
        object.namespace(),
        object.kind().kind(),
        object.name(),
        needed.secret(),
        FindingProblem.NOT_INJECTED.label(),
        "container "
            + needed.firstImage().container()
            + " pulls "
            + needed.firstImage().image()
            + " but imagePullSecrets does not list "
            + needed.secret()
            + why);
  }
}
