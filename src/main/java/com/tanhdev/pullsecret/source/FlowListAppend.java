package com.tanhdev.pullsecret.source;

import java.util.List;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Adds entries inside a flow list ({@code [{name: a}]}, {@code []}, a JSON array). */
final class FlowListAppend {

  private final SourceText text;

  FlowListAppend(SourceText text) {
    this.text = text;
  }

  TextEdit append(SequenceNode list, EntryText keyStyle, List<String> secrets) {
    List<Node> items = list.getValue();
    if (items.isEmpty()) {
      int close = text.end(list) - 1;
      if (close < 0 || text.text().charAt(close) != ']') {
        throw new UneditableSourceException("cannot find the end of the empty list");
      }
      String entries =
          secrets.stream()
              .map(secret -> keyStyle.flowEntry(secret, keyStyle))
              .collect(Collectors.joining(", "));
      return TextEdit.insert(close, entries);
    }
    Node first = items.get(0);
    // The separator the list already uses: ", ", "," or a line break and an indentation.
    String separator =
        items.size() > 1 ? text.text().substring(text.end(first), text.start(items.get(1))) : ", ";
    StringBuilder added = new StringBuilder();
    for (String secret : secrets) {
      added
          .append(separator)
          .append(
              ListItemText.copyOf(text, first, secret)
                  .orElseGet(() -> keyStyle.flowEntry(secret, keyStyle)));
    }
    return TextEdit.insert(text.end(items.get(items.size() - 1)), added.toString());
  }
}
