package com.tanhdev.pullsecret.check;

import tools.jackson.databind.JsonNode;

/**
 * One YAML or JSON document and where it was read from.
 *
 * @param file the path as given on the command line, the path of a file found under a given
 *     directory, or {@code -} for standard input
 * @param content the parsed document (never null: empty documents are dropped)
 * @param source where it was written, or null when that is not known (line numbers and in-place
 *     edits need it)
 */
public record ManifestDocument(String file, JsonNode content, DocumentSource source) {

  public ManifestDocument(String file, JsonNode content) {
    this(file, content, null);
  }
}
