package com.tanhdev.pullsecret.demo;

import com.tanhdev.pullsecret.kube.ApiAnswer;
import com.tanhdev.pullsecret.kube.PodSpecs;
import com.tanhdev.pullsecret.policy.RegistryRule;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * One row of the demo's table, worked out only from what a user can see: the manifest they applied,
 * the warnings the API server returned, and the object it stored.
 */
record WorkloadOutcome(String namespace, String kind, String name, Result result, String why) {

  private static final String WARNING_PREFIX = "pullsecret-webhook: ";

  static WorkloadOutcome of(
      HasMetadata manifest, ApiAnswer answer, HasMetadata stored, RegistryRule rule) {
    String secret = rule.secret();
    List<String> images = PodSpecs.images(manifest);
    List<String> fromRegistry =
        images.stream().filter(image -> image.startsWith(rule.registry() + "/")).toList();
    List<String> missing =
        answer.warnings().stream()
            .filter(warning -> warning.contains("does not exist"))
            .map(warning -> warning.replace(WARNING_PREFIX, ""))
            .toList();
    Result result;
    String why;
    if (PodSpecs.pullSecretNames(manifest).contains(secret)) {
      result = Result.ALREADY_PRESENT;
      why = "its manifest already lists " + secret;
    } else if (PodSpecs.pullSecretNames(stored).contains(secret)) {
      result = Result.INJECTED;
      why = "pulls " + String.join(", ", fromRegistry);
    } else if (!missing.isEmpty()) {
      result = Result.SECRET_MISSING;
      why = String.join("; ", missing);
    } else if (fromRegistry.isEmpty() && answer.warnings().isEmpty()) {
      result = Result.NO_REGISTRY_IMAGE;
      why = "pulls only " + String.join(", ", images);
    } else {
      result = Result.UNEXPECTED;
      why = "stored " + PodSpecs.pullSecretNames(stored) + ", warnings " + answer.warnings();
    }
    return new WorkloadOutcome(
        stored.getMetadata().getNamespace(),
        stored.getKind(),
        stored.getMetadata().getName(),
        result,
        why);
  }
}
