package com.tanhdev.pullsecret.check;

import com.tanhdev.pullsecret.source.PullSecretRemoval;
import com.tanhdev.pullsecret.source.TextEdit;
import com.tanhdev.pullsecret.source.UneditableSourceException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;

/**
 * Removes hand-written entries that the webhook now adds: in each pod spec, the entries naming the
 * secret of a rule that one of its images matches. Other secrets, opted-out workloads and pod specs
 * that pull nothing from the rules' registries are left alone, since there the webhook adds nothing
 * and the entry may be all that makes the pull work.
 */
public final class ManifestStripper {

  private final WorkloadScanner scanner;

  public ManifestStripper(WorkloadScanner scanner) {
    this.scanner = scanner;
  }

  public EditResult strip(Manifests manifests) {
    EditPlan plan = new EditPlan();
    List<String> stripped = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (ScannedWorkload workload : ScannedWorkload.all(manifests, scanner)) {
      Set<String> listed = new LinkedHashSet<>(workload.check().neededSecretNames());
      listed.removeAll(workload.check().missingSecretNames());
      if (listed.isEmpty()) {
        continue;
      }
      try {
        MappingNode podSpec = SourceProblems.editablePodSpec(workload);
        var text = workload.document().source().text();
        List<TextEdit> edits = new PullSecretRemoval(text).remove(podSpec, listed);
        if (!edits.isEmpty()) {
          plan.add(text, edits);
          stripped.add(workload.place() + ": removed " + String.join(", ", listed));
        }
      } catch (UneditableSourceException e) {
        problems.add(SourceProblems.describe(workload, e.getMessage()));
      }
    }
    return new EditResult(plan.changes(manifests), stripped, problems);
  }
}
