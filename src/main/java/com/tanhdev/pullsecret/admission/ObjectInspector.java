package com.tanhdev.pullsecret.admission;

import com.tanhdev.pullsecret.policy.WorkloadKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/** Reads the annotations that decide whether an object is ours to touch at all. */
final class ObjectInspector {

  /** Set to "false" on a Pod, a pod template or a workload to leave it alone. */
  static final String OPT_OUT_ANNOTATION = "pullsecret.tanhdev.com/inject";

  /** The kubelet marks the API copies of static pods with this; they cannot be changed. */
  private static final String MIRROR_ANNOTATION = "kubernetes.io/config.mirror";

  private ObjectInspector() {}

  static boolean isMirrorPod(WorkloadKind kind, JsonNode object) {
    return kind.isPod() && annotations(object.path("metadata")).has(MIRROR_ANNOTATION);
  }

  /** Opted out when the object itself or its pod template says so. */
  static boolean isOptedOut(WorkloadKind kind, JsonNode object) {
    return saysFalse(object.path("metadata"))
        || saysFalse(object.at(kind.annotatedMetadataPointer()));
  }

  private static boolean saysFalse(JsonNode metadata) {
    JsonNode value = annotations(metadata).path(OPT_OUT_ANNOTATION);
    return value.isString() && value.stringValue().trim().equalsIgnoreCase("false");
  }

  private static JsonNode annotations(JsonNode metadata) {
    JsonNode annotations = metadata.path("annotations");
    return annotations.isObject() ? annotations : MissingNode.getInstance();
  }
}
