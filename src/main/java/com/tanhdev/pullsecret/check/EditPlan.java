package com.tanhdev.pullsecret.check;

import com.tanhdev.pullsecret.source.SourceText;
import com.tanhdev.pullsecret.source.TextEdit;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Text edits collected for the files of a run, applied only at the end: every edit is made against
 * the text as read, so edits of several workloads in one file cannot disturb each other.
 */
final class EditPlan {

  // By text, not by name: the same path given twice is read twice, and edited once per reading.
  private final Map<SourceText, List<TextEdit>> edits = new IdentityHashMap<>();

  void add(SourceText text, List<TextEdit> more) {
    edits.computeIfAbsent(text, unused -> new ArrayList<>()).addAll(more);
  }

  /** Every file of the run, in reading order, with its edits applied. */
  List<FileChange> changes(Manifests manifests) {
    List<FileChange> changes = new ArrayList<>();
    for (int i = 0; i < manifests.files().size(); i++) {
      SourceText text = manifests.texts().get(i);
      String after = TextEdit.apply(text.text(), edits.getOrDefault(text, List.of()));
      changes.add(new FileChange(manifests.files().get(i), text.text(), after));
    }
    return changes;
  }
}
