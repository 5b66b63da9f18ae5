package com.tanhdev.pullsecret.source;

import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Parses a file into YAML node trees that keep where every node was written. The JSON view used for
 * decisions comes from the same text; this view is only for line numbers and edits.
 */
public final class SourceDocuments {

  private SourceDocuments() {}

  /**
   * The documents of {@code text} that hold something, in order: empty documents and a bare {@code
   * null} are dropped, the way the JSON view drops them.
   */
  public static List<Node> of(SourceText text, String label) {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(label)
            // The same scalar rules as the JSON view, so both agree on what is null.
            .setSchema(new CoreSchema())
            .setAllowDuplicateKeys(true)
            .build();
    List<Node> documents = new ArrayList<>();
    for (Node document : new Compose(settings).composeAllFromString(text.text())) {
      if (document != null && !YamlNodes.isNull(document)) {
        documents.add(document);
      }
    }
    return documents;
  }
}
