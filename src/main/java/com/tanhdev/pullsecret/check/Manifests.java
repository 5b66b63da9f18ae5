package com.tanhdev.pullsecret.check;

import com.tanhdev.pullsecret.source.SourceText;
import java.util.List;

/**
 * Everything read from the command line's paths.
 *
 * @param files every file read, in reading order (for the summary line)
 * @param documents every non-empty document of those files, in order
 * @param texts the text of each of {@code files}, in the same order (for edits)
 */
public record Manifests(
    List<String> files, List<ManifestDocument> documents, List<SourceText> texts) {

  public Manifests {
    files = List.copyOf(files);
    documents = List.copyOf(documents);
    texts = List.copyOf(texts);
    if (texts.size() != files.size()) {
      throw new IllegalArgumentException("one text per file");
    }
  }
}
