package com.tanhdev.pullsecret.check;

import java.util.List;

/**
 * What checking all the manifests found.
 *
 * @param findings missing secrets, in manifest order
 * @param warnings sentences for stderr that do not fail the check (invalid images...)
 * @param errors sentences for stderr that fail the check (imagePullSecrets of the wrong type)
 * @param workloads how many workloads were looked at, opted-out ones included
 * @param files how many files were read
 */
public record CheckResult(
    List<Finding> findings, List<String> warnings, List<String> errors, int workloads, int files) {

  public CheckResult {
    findings = List.copyOf(findings);
    warnings = List.copyOf(warnings);
    errors = List.copyOf(errors);
  }

  public boolean isClean() {
    return findings.isEmpty() && errors.isEmpty();
  }
}
