package com.tanhdev.pullsecret.check;

import java.util.List;

/**
 * Everything read from the command line's paths.
 *
 * @param files every file read, in reading order (for the summary line)
 * @param documents every non-empty document of those files, in order
 */
public record Manifests(List<String> files, List<ManifestDocument> documents) {

  public Manifests {
    files = List.copyOf(files);
    documents = List.copyOf(documents);
  }
}
