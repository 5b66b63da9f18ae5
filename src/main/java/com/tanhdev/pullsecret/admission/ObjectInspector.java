package com.tanhdev.pullsecret.admission;

import com.tanhdev.pullsecret.podspec.WorkloadKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/** Reads the annotations that decide whether an object is ours to touch at all. */
final class ObjectInspector {

  /** The kubelet marks the API copies of static pods with this; they cannot be changed. */
  static final String MIRROR_ANNOTATION = "kubernetes.io/config.mirror";

  private ObjectInspector() {}

  static boolean isMirrorPod(WorkloadKind kind, JsonNode object) {
    return kind.isPod() && annotations(object.path("metadata")).has(MIRROR_ANNOTATION);
  }

  private static JsonNode annotations(JsonNode metadata) {
    JsonNode annotations = metadata.path("annotations");
    return annotations.isObject() ? annotations : MissingNode.getInstance();
  }
}
