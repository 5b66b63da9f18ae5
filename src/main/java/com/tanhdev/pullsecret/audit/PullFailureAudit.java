package com.tanhdev.pullsecret.audit;

import com.tanhdev.pullsecret.lookup.SecretFacts;
import com.tanhdev.pullsecret.podspec.ContainerImage;
import com.tanhdev.pullsecret.podspec.PodSpecFacts;
import com.tanhdev.pullsecret.podspec.PodSpecReader;
import com.tanhdev.pullsecret.policy.NeededSecret;
import com.tanhdev.pullsecret.policy.RuleMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Pods whose containers wait because an image from a configured registry cannot be pulled, with the
 * likely cause taken from what the audit knows about the pod's spec and the secret.
 */
final class PullFailureAudit {

  // What the kubelet reports while it retries a failed pull, and on the failure itself.
  private static final Set<String> PULL_FAILURES = Set.of("ImagePullBackOff", "ErrImagePull");

  private final RuleMatcher matcher;
  private final PodSpecReader reader = new PodSpecReader();

  PullFailureAudit(RuleMatcher matcher) {
    this.matcher = matcher;
  }

  List<AuditFinding> findings(ClusterState state) {
    List<AuditFinding> findings = new ArrayList<>();
    for (AuditedObject pod : state.objects()) {
      if (!pod.kind().isPod()) {
        continue;
      }
      JsonNode spec = pod.json().path("spec");
      PodSpecFacts facts = reader.read(spec, true);
      for (String field : List.of("initContainerStatuses", "containerStatuses")) {
        for (JsonNode status : pod.json().path("status").path(field)) {
          String reason = status.path("state").path("waiting").path("reason").asString("");
          if (PULL_FAILURES.contains(reason)) {
            ContainerImage image = imageOf(status, facts);
            for (NeededSecret needed : matcher.match(List.of(image)).needed()) {
              findings.add(finding(state, pod, spec, facts, reason, needed));
            }
          }
        }
      }
    }
    return findings;
  }

  /** The spec's image (as written) when the container is found there, else the status's. */
  private static ContainerImage imageOf(JsonNode status, PodSpecFacts facts) {
    String container = status.path("name").asString("");
    return facts.images().stream()
        .filter(image -> image.container().equals(container))
        .findFirst()
        .orElse(new ContainerImage(container, status.path("image").asString("")));
  }

  private static AuditFinding finding(
      ClusterState state,
      AuditedObject pod,
      JsonNode spec,
      PodSpecFacts facts,
      String reason,
      NeededSecret needed) {
    return new AuditFinding(
        pod.namespace(),
        "Pod",
        pod.name(),
        needed.secret(),
        FindingProblem.PULL_FAILING.label(),
        "container "
            + needed.firstImage().container()
            + " waits in "
            + reason
            + " pulling "
            + needed.firstImage().image()
            + "; likely cause: "
            + likelyCause(state, pod.namespace(), spec, facts, needed));
  }

  private static String likelyCause(
      ClusterState state,
      String namespace,
      JsonNode spec,
      PodSpecFacts facts,
      NeededSecret needed) {
    String secret = needed.secret();
    if (!PullSecretCoverage.covers(state, namespace, spec, facts, secret)) {
      return "its imagePullSecrets does not list " + secret;
    }
    SecretFacts found = state.secret(namespace, secret);
    if (found == null) {
      return "secret " + secret + " does not exist in namespace " + namespace;
    }
    return found
        .describeProblemFor(needed.registry())
        .map(problem -> "secret " + secret + " in namespace " + namespace + " " + problem)
        .orElse(
            "secret "
                + secret
                + " is listed and holds credentials for "
                + needed.registry()
                + ": check that the credential is current and that nodes reach the registry");
  }
}
