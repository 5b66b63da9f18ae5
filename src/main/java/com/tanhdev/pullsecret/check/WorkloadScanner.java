package com.tanhdev.pullsecret.check;

import com.tanhdev.pullsecret.podspec.OptOut;
import com.tanhdev.pullsecret.podspec.PodSpecFacts;
import com.tanhdev.pullsecret.podspec.PodSpecReader;
import com.tanhdev.pullsecret.podspec.PullSecretsField;
import com.tanhdev.pullsecret.podspec.WorkloadKind;
import com.tanhdev.pullsecret.policy.NeededSecret;
import com.tanhdev.pullsecret.policy.RegistryRule;
import com.tanhdev.pullsecret.policy.RuleMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Checks one manifest object the way the webhook would decide about it, minus the secret lookup:
 * offline nobody can say whether a secret exists, only whether the pod spec names it. Every
 * workload kind is checked whatever the config's {@code kinds}, because a pipeline wants every
 * manifest right, not only the ones the webhook is set to patch.
 */
public final class WorkloadScanner {

  private final RuleMatcher matcher;
  private final PodSpecReader reader = new PodSpecReader();

  public WorkloadScanner(List<RegistryRule> rules) {
    this.matcher = new RuleMatcher(rules);
  }

  /** Empty when the object is not a workload (a Service, a CRD that shares a kind's name...). */
  public Optional<WorkloadCheck> scan(JsonNode object) {
    Optional<WorkloadKind> kind = kindOf(object);
    if (kind.isEmpty()) {
      return Optional.empty();
    }
    WorkloadKind workload = kind.get();
    WorkloadName name = WorkloadName.of(workload, object);
    if (OptOut.isOptedOut(workload, object)) {
      return Optional.of(WorkloadCheck.nothingMissing(name, List.of()));
    }
    JsonNode podSpec = object.at(workload.podSpecPointer());
    if (!podSpec.isObject()) {
      return Optional.of(
          WorkloadCheck.nothingMissing(
              name, List.of("no pod spec at " + workload.podSpecPointer())));
    }
    return Optional.of(check(name, reader.read(podSpec, workload.isPod())));
  }

  private WorkloadCheck check(WorkloadName name, PodSpecFacts facts) {
    RuleMatcher.Matches matches = matcher.match(facts.images());
    List<String> warnings = new ArrayList<>(matches.invalidImages());
    warnings.addAll(facts.problems());
    // An imagePullSecrets of the wrong type is an error here: nothing can be added to it.
    List<String> errors =
        facts.pullSecretsProblem() == null ? List.of() : List.of(facts.pullSecretsProblem());
    List<NeededSecret> missing =
        facts.pullSecretsField() == PullSecretsField.WRONG_TYPE
            ? List.of()
            : matches.needed().stream().filter(needed -> !facts.lists(needed.secret())).toList();
    return new WorkloadCheck(
        name, facts.pullSecretsField(), matches.needed(), missing, warnings, errors);
  }

  private static Optional<WorkloadKind> kindOf(JsonNode object) {
    JsonNode apiVersion = object.path("apiVersion");
    JsonNode kind = object.path("kind");
    if (!apiVersion.isString() || !kind.isString()) {
      return Optional.empty();
    }
    String version = apiVersion.stringValue();
    int slash = version.indexOf('/');
    // Core objects (Pod) say just "v1": their group is "".
    return WorkloadKind.of(slash < 0 ? "" : version.substring(0, slash), kind.stringValue());
  }
}
