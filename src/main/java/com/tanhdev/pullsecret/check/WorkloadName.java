package com.tanhdev.pullsecret.check;

import com.tanhdev.pullsecret.podspec.WorkloadKind;
import tools.jackson.databind.JsonNode;

/**
 * Which workload a message is about.
 *
 * @param kind the workload's kind
 * @param namespace {@code metadata.namespace}, or "" when the manifest leaves it to kubectl
 * @param name {@code metadata.name}, else {@code metadata.generateName}, else ""
 */
public record WorkloadName(WorkloadKind kind, String namespace, String name) {

  static WorkloadName of(WorkloadKind kind, JsonNode object) {
    JsonNode metadata = object.path("metadata");
    String name = text(metadata.path("name"));
    return new WorkloadName(
        kind,
        text(metadata.path("namespace")),
        name.isEmpty() ? text(metadata.path("generateName")) : name);
  }

  /** {@code Deployment auth-dev/auth-api}, or {@code Deployment auth-api} without a namespace. */
  public String label() {
    return kind.kind() + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
  }

  private static String text(JsonNode node) {
    return node.isString() ? node.stringValue() : "";
  }
}
