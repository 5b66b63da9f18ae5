package com.tanhdev.pullsecret.source;

import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** A new list entry written as a copy of an existing one, so spacing and quoting match. */
final class ListItemText {

  private ListItemText() {}

  /**
   * The text of {@code item} (a flow mapping such as {@code { name: "a" }}) with its name replaced
   * by {@code secret} in the same quoting; empty when the item is not such a mapping.
   */
  static Optional<String> copyOf(SourceText text, Node item, String secret) {
    Optional<ScalarNode> name = YamlNodes.name(item);
    if (!YamlNodes.isFlow(item) || name.isEmpty()) {
      return Optional.empty();
    }
    int start = text.start(item);
    int nameStart = text.start(name.get());
    int nameEnd = text.end(name.get());
    int end = text.end(item);
    String source = text.text();
    return Optional.of(
        source.substring(start, nameStart)
            + EntryText.like(name.get()).quoted(secret)
            + source.substring(nameEnd, end));
  }
}
