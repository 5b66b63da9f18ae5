package com.tanhdev.pullsecret.check;

import com.tanhdev.pullsecret.source.UneditableSourceException;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;

/** Why a workload's file cannot be edited in place at all, and how that is worded. */
final class SourceProblems {

  private SourceProblems() {}

  /**
   * The pod spec's node, to edit.
   *
   * @throws UneditableSourceException when the file cannot be edited in place
   */
  static MappingNode editablePodSpec(ScannedWorkload workload) {
    Optional<String> problem = of(workload);
    if (problem.isPresent()) {
      throw new UneditableSourceException(problem.get());
    }
    return workload
        .podSpecNode()
        .orElseThrow(() -> new UneditableSourceException("the pod spec is not a mapping"));
  }

  private static Optional<String> of(ScannedWorkload workload) {
    DocumentSource source = workload.document().source();
    if (source == null) {
      return Optional.of("its position in the file is not known");
    }
    if (!source.text().isLosslessUtf8()) {
      // Writing back the decoded text would change bytes nobody asked to change.
      return Optional.of("the file is not UTF-8");
    }
    return Optional.empty();
  }

  static String describe(ScannedWorkload workload, String problem) {
    return workload.place() + ": cannot edit in place: " + problem;
  }
}
