package com.tanhdev.pullsecret.check;

import com.tanhdev.pullsecret.source.PullSecretInsertion;
import com.tanhdev.pullsecret.source.UneditableSourceException;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.MappingNode;

/**
 * Adds the missing secrets to every workload by editing the text of its file: the result differs
 * from the input by the added entries alone, so it can be committed as it is. The entries are the
 * ones the webhook's patch would append, in the same order, after the user's own.
 */
public final class ManifestFixer {

  private final WorkloadScanner scanner;

  public ManifestFixer(WorkloadScanner scanner) {
    this.scanner = scanner;
  }

  public EditResult fix(Manifests manifests) {
    EditPlan plan = new EditPlan();
    List<String> fixed = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (ScannedWorkload workload : ScannedWorkload.all(manifests, scanner)) {
      WorkloadCheck check = workload.check();
      if (check.missing().isEmpty()) {
        continue;
      }
      try {
        MappingNode podSpec = SourceProblems.editablePodSpec(workload);
        var text = workload.document().source().text();
        plan.add(
            text, List.of(new PullSecretInsertion(text).add(podSpec, check.missingSecretNames())));
        check
            .missing()
            .forEach(needed -> fixed.add(FindingsReport.line(Finding.of(workload, needed))));
      } catch (UneditableSourceException e) {
        problems.add(SourceProblems.describe(workload, e.getMessage()));
      }
    }
    return new EditResult(plan.changes(manifests), fixed, problems);
  }
}
