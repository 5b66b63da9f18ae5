package com.tanhdev.pullsecret.admission;

import com.tanhdev.pullsecret.podspec.WorkloadKind;
import tools.jackson.databind.JsonNode;

/**
 * Mirror pods are the API server's copies of a node's static pods. The kubelet runs the pod from a
 * file on the node, so a patch to the copy changes nothing that runs; and the NodeRestriction
 * admission plugin refuses a mirror pod that references a secret, so a patch would stop the copy
 * from being created at all.
 */
final class MirrorPods {

  /** The kubelet marks the API copies of static pods with this. */
  static final String ANNOTATION = "kubernetes.io/config.mirror";

  private MirrorPods() {}

  static boolean isMirrorPod(WorkloadKind kind, JsonNode object) {
    JsonNode annotations = object.path("metadata").path("annotations");
    return kind.isPod() && annotations.isObject() && annotations.has(ANNOTATION);
  }
}
