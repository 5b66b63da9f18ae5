package com.tanhdev.pullsecret.admission;

import com.tanhdev.pullsecret.policy.Outcome;
import com.tanhdev.pullsecret.policy.SecretCheck;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;

/**
 * The answer to one review. Built only by {@link AdmissionResponses}, so every answer has the same
 * shape.
 *
 * @param uid the request's uid
 * @param allowed whether the request may go on
 * @param patch JSON Patch operations, empty when nothing changes
 * @param warnings sentences the API client shows the user
 * @param auditAnnotations recorded in the API server's audit log
 * @param denyMessage the rejection message when not allowed, else null
 * @param outcome the decision, for logs and metrics
 * @param secretsAdded the secrets the patch adds
 * @param secretChecks what the decision found out about each needed secret, for metrics
 */
public record AdmissionResponse(
    String uid,
    boolean allowed,
    ArrayNode patch,
    List<String> warnings,
    Map<String, String> auditAnnotations,
    String denyMessage,
    Outcome outcome,
    List<String> secretsAdded,
    List<SecretCheck> secretChecks) {

  public boolean hasPatch() {
    return patch != null && !patch.isEmpty();
  }
}
