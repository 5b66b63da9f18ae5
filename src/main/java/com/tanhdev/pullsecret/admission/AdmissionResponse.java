package com.tanhdev.pullsecret.admission;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;

/**
 * The answer to one review as the API server reads it; {@link AdmissionCodec} writes exactly this.
 * Built only by {@link AdmissionResponses}, so every answer has the same shape.
 *
 * @param uid the request's uid
 * @param allowed whether the request may go on
 * @param patch JSON Patch operations, or null when nothing changes
 * @param warnings sentences the API client shows the user
 * @param auditAnnotations recorded in the API server's audit log
 * @param statusMessage the rejection message when not allowed, else null
 */
public record AdmissionResponse(
    String uid,
    boolean allowed,
    ArrayNode patch,
    List<String> warnings,
    Map<String, String> auditAnnotations,
    String statusMessage) {

  public boolean hasPatch() {
    return patch != null && !patch.isEmpty();
  }
}
