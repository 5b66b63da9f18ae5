package com.tanhdev.pullsecret.check;

import com.tanhdev.pullsecret.podspec.PullSecretsField;
import com.tanhdev.pullsecret.policy.NeededSecret;
import java.util.List;

/**
 * What checking one workload found.
 *
 * @param workload which workload
 * @param pullSecretsField the state of its {@code imagePullSecrets}, which shapes a fix
 * @param needed every secret its images need, listed or not, in order of first use
 * @param missing secrets its images need that {@code imagePullSecrets} does not list, in rule order
 * @param warnings sentences about odd fields and invalid images, which are not findings
 * @param errors sentences about an {@code imagePullSecrets} that cannot be checked or fixed
 */
public record WorkloadCheck(
    WorkloadName workload,
    PullSecretsField pullSecretsField,
    List<NeededSecret> needed,
    List<NeededSecret> missing,
    List<String> warnings,
    List<String> errors) {

  public WorkloadCheck {
    needed = List.copyOf(needed);
    missing = List.copyOf(missing);
    warnings = List.copyOf(warnings);
    errors = List.copyOf(errors);
  }

  /** A workload that was looked at and needs nothing (clean or opted out). */
  static WorkloadCheck nothingMissing(WorkloadName workload, List<String> warnings) {
    return new WorkloadCheck(
        workload, PullSecretsField.ABSENT, List.of(), List.of(), warnings, List.of());
  }

  public List<String> neededSecretNames() {
    return needed.stream().map(NeededSecret::secret).toList();
  }

  public List<String> missingSecretNames() {
    return missing.stream().map(NeededSecret::secret).toList();
  }
}
