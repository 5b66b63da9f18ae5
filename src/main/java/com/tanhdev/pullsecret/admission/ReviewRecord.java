package com.tanhdev.pullsecret.admission;

import com.tanhdev.pullsecret.policy.Outcome;
import com.tanhdev.pullsecret.policy.SecretCheck;
import java.util.List;

/**
 * What logs and metrics need to know about one answer; {@link ReviewRecorder} reads only this.
 * Built with its {@link AdmissionResponse} by {@link AdmissionResponses}, so the two agree.
 *
 * @param kind which of the closed list of answers it was
 * @param outcome the decision
 * @param secretsAdded the secrets the patch adds (none unless {@link AnswerKind#PATCHED})
 * @param warningCount how many warnings the response carries
 * @param secretChecks what the decision found out about each needed secret
 */
public record ReviewRecord(
    AnswerKind kind,
    Outcome outcome,
    List<String> secretsAdded,
    int warningCount,
    List<SecretCheck> secretChecks) {

  public boolean isAllowed() {
    return kind != AnswerKind.DENIED;
  }
}
