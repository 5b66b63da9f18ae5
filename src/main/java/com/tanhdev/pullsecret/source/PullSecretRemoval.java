package com.tanhdev.pullsecret.source;

import static com.tanhdev.pullsecret.source.EntryText.KEY;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The text edits that remove named entries from a pod spec's {@code imagePullSecrets}: whole lines
 * of a block list, entries of a flow list, and the field itself when nothing is left in it.
 */
public final class PullSecretRemoval {

  private final SourceText text;

  public PullSecretRemoval(SourceText text) {
    this.text = text;
  }

  /**
   * @return no edits when the pod spec lists none of {@code secrets}
   * @throws UneditableSourceException when the removal cannot be made in place
   */
  public List<TextEdit> remove(MappingNode podSpec, Set<String> secrets) {
    Optional<NodeTuple> field = YamlNodes.entry(podSpec, KEY);
    if (field.isEmpty() || !(field.get().getValueNode() instanceof SequenceNode list)) {
      return List.of();
    }
    List<Node> items = list.getValue();
    List<Integer> removed = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (YamlNodes.name(items.get(i)).filter(n -> secrets.contains(n.getValue())).isPresent()) {
        removed.add(i);
      }
    }
    if (removed.isEmpty()) {
      return List.of();
    }
    if (text.start(list) < text.end(field.get().getKeyNode())) {
      throw new UneditableSourceException(KEY + " is an alias; remove the secret from its anchor");
    }
    if (removed.size() == items.size()) {
      return List.of(removeField(podSpec, field.get()));
    }
    return YamlNodes.isFlow(list)
        ? List.of(keepInFlowList(list, removed))
        : removeLines(removed, items);
  }

  /** Consecutive removed items go as one range, so that no two deletions meet. */
  private List<TextEdit> removeLines(List<Integer> removed, List<Node> items) {
    List<TextEdit> edits = new ArrayList<>();
    int run = 0;
    while (run < removed.size()) {
      int last = run;
      while (last + 1 < removed.size() && removed.get(last + 1) == removed.get(last) + 1) {
        last++;
      }
      Node first = items.get(removed.get(run));
      int start = text.lineStart(text.start(first));
      if (!text.text().substring(start, text.start(first)).matches(" *- +")) {
        throw new UneditableSourceException("an entry of " + KEY + " shares its line");
      }
      edits.add(wholeLines(start, YamlNodes.contentEnd(text, items.get(removed.get(last)))));
      run = last + 1;
    }
    return edits;
  }

  /** The kept entries of a flow list, joined by the separator the list used. */
  private TextEdit keepInFlowList(SequenceNode list, List<Integer> removed) {
    List<Node> items = list.getValue();
    String source = text.text();
    String separator = source.substring(text.end(items.get(0)), text.start(items.get(1)));
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (!removed.contains(i)) {
        kept.add(source.substring(text.start(items.get(i)), text.end(items.get(i))));
      }
    }
    return new TextEdit(
        text.start(items.get(0)),
        text.end(items.get(items.size() - 1)),
        kept.stream().collect(Collectors.joining(separator)));
  }

  private TextEdit removeField(MappingNode podSpec, NodeTuple field) {
    Node key = field.getKeyNode();
    if (!YamlNodes.isFlow(podSpec)) {
      int start = text.lineStart(text.start(key));
      if (text.indentBefore(text.start(key)) == null) {
        throw new UneditableSourceException(KEY + " shares its line with another field");
      }
      return wholeLines(start, YamlNodes.contentEnd(text, field.getValueNode()));
    }
    List<NodeTuple> entries = podSpec.getValue();
    int index = entries.indexOf(field);
    if (index + 1 < entries.size()) {
      // Up to the next key: the field, its comma and the space or line before the next key.
      return TextEdit.delete(text.start(key), text.start(entries.get(index + 1).getKeyNode()));
    }
    int start = text.start(key);
    int comma = text.text().lastIndexOf(',', start);
    boolean commaBefore = comma >= 0 && text.text().substring(comma + 1, start).isBlank();
    return TextEdit.delete(commaBefore ? comma : start, text.end(field.getValueNode()));
  }

  /** The lines from {@code lineStart} to the one holding {@code lastContent}, line breaks too. */
  private TextEdit wholeLines(int lineStart, int lastContent) {
    int end = text.afterLine(lastContent);
    if (end == text.text().length() && !text.endsWithLineBreak() && lineStart > 0) {
      // The last line of a file without a final line break: the break before it goes instead.
      int previousBreak = text.text().charAt(lineStart - 1) == '\n' ? lineStart - 1 : lineStart;
      if (previousBreak > 0 && text.text().charAt(previousBreak - 1) == '\r') {
        previousBreak--;
      }
      return TextEdit.delete(previousBreak, end);
    }
    return TextEdit.delete(lineStart, end);
  }
}
