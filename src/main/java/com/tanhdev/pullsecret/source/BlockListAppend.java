package com.tanhdev.pullsecret.source;

import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Adds items to a block list, each on its own line after the last one, dashed like the first. */
final class BlockListAppend {

  private final SourceText text;
  private final String lineBreak;

  BlockListAppend(SourceText text) {
    this.text = text;
    this.lineBreak = text.lineBreak();
  }

  TextEdit append(SequenceNode list, List<String> secrets) {
    List<Node> items = list.getValue();
    Node first = items.get(0);
    String dash = dashOf(list, first);
    StringBuilder lines = new StringBuilder();
    for (String secret : secrets) {
      String item =
          ListItemText.copyOf(text, first, secret)
              .orElseGet(
                  () ->
                      "name: " + EntryText.like(YamlNodes.name(first).orElse(null)).quoted(secret));
      lines.append(dash).append(item).append(lineBreak);
    }
    int at = text.afterLine(YamlNodes.contentEnd(text, items.get(items.size() - 1)));
    if (at == text.text().length() && !text.endsWithLineBreak()) {
      // The file ends without a line break; so does the edited file.
      return TextEdit.insert(
          at, lineBreak + lines.substring(0, lines.length() - lineBreak.length()));
    }
    return TextEdit.insert(at, lines.toString());
  }

  /** " - " as the first item is written, or a dash at the list's column when it is unusual. */
  private String dashOf(SequenceNode list, Node first) {
    int start = text.start(first);
    String prefix = text.text().substring(text.lineStart(start), start);
    if (prefix.matches(" *- +")) {
      return prefix;
    }
    int dash = text.start(list);
    return " ".repeat(dash - text.lineStart(dash)) + "- ";
  }
}
