package com.tanhdev.pullsecret.check;

import java.util.List;

/**
 * What an edit of the manifests did.
 *
 * @param changes every input file before and after, in reading order
 * @param done one sentence per workload edited, for standard error
 * @param problems one sentence per workload that needed an edit that could not be made in place
 */
public record EditResult(List<FileChange> changes, List<String> done, List<String> problems) {

  public EditResult {
    changes = List.copyOf(changes);
    done = List.copyOf(done);
    problems = List.copyOf(problems);
  }

  public List<FileChange> changedFiles() {
    return changes.stream().filter(FileChange::isChanged).toList();
  }
}
