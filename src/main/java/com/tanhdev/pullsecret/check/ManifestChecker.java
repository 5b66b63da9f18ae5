package com.tanhdev.pullsecret.check;

import com.tanhdev.pullsecret.policy.NeededSecret;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

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
    int workloads = 0;
    for (ManifestDocument document : manifests.documents()) {
      for (JsonNode object : KubernetesLists.objectsIn(document.content())) {
        Optional<WorkloadCheck> scanned = scanner.scan(object);
        if (scanned.isEmpty()) {
          continue;
        }
        workloads++;
        WorkloadCheck check = scanned.get();
        String where = document.file() + ": " + check.workload().label() + ": ";
        for (NeededSecret needed : check.missing()) {
          findings.add(Finding.of(document.file(), check.workload(), needed));
        }
        check.warnings().forEach(warning -> warnings.add(where + warning));
        check.errors().forEach(error -> errors.add(where + error));
      }
    }
    return new CheckResult(findings, warnings, errors, workloads, manifests.files().size());
  }
}
