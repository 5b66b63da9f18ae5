package com.tanhdev.pullsecret.check;

import com.tanhdev.pullsecret.policy.NeededSecret;
import java.util.ArrayList;
import java.util.List;

/** Checks every workload in the manifests and collects findings, warnings and errors. */
public final class ManifestChecker {

  private final WorkloadScanner scanner;

  public ManifestChecker(WorkloadScanner scanner) {
    this.scanner = scanner;
  }

  public CheckResult check(Manifests manifests) {
    List<Finding> findings = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    List<ScannedWorkload> workloads = ScannedWorkload.all(manifests, scanner);
    for (ScannedWorkload workload : workloads) {
      WorkloadCheck check = workload.check();
      String where = workload.document().file() + ": " + check.workload().label() + ": ";
      for (NeededSecret needed : check.missing()) {
        findings.add(Finding.of(workload, needed));
      }
      check.warnings().forEach(warning -> warnings.add(where + warning));
      check.errors().forEach(error -> errors.add(where + error));
    }
    return new CheckResult(findings, warnings, errors, workloads.size(), manifests.files().size());
  }
}
