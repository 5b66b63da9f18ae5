package com.tanhdev.pullsecret.source;

import static com.tanhdev.pullsecret.source.EntryText.KEY;

import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The one text edit that adds secrets to a pod spec's {@code imagePullSecrets}, written the way a
 * person editing the file would: a new item in the list's own style, an entry inside a flow list,
 * or a new field next to {@code containers} with the file's indentation.
 */
public final class PullSecretInsertion {

  private final SourceText text;
  private final String lineBreak;

  public PullSecretInsertion(SourceText text) {
    this.text = text;
    this.lineBreak = text.lineBreak();
  }

  /**
   * @param podSpec the pod spec mapping, which must not list any of {@code secrets} yet
   * @throws UneditableSourceException when the edit cannot be made in place
   */
  public TextEdit add(MappingNode podSpec, List<String> secrets) {
    Optional<NodeTuple> existing = YamlNodes.entry(podSpec, KEY);
    if (existing.isEmpty()) {
      return YamlNodes.isFlow(podSpec)
          ? newFlowField(podSpec, secrets)
          : newField(podSpec, secrets);
    }
    ScalarNode key = (ScalarNode) existing.get().getKeyNode();
    Node value = existing.get().getValueNode();
    if (text.start(value) < text.end(key)) {
      throw new UneditableSourceException(KEY + " is an alias; add the secret to its anchor");
    }
    EntryText keyStyle = EntryText.like(key);
    if (YamlNodes.isNull(value)) {
      return replaceNull(key, (ScalarNode) value, keyStyle, secrets);
    }
    SequenceNode list = (SequenceNode) value;
    if (YamlNodes.isFlow(list)) {
      return new FlowListAppend(text).append(list, keyStyle, secrets);
    }
    return new BlockListAppend(text).append(list, secrets);
  }

  /** {@code imagePullSecrets:} (empty), {@code ~} or {@code null} becomes a flow list. */
  private TextEdit replaceNull(
      ScalarNode key, ScalarNode value, EntryText keyStyle, List<String> secrets) {
    String list = keyStyle.flowList(secrets, keyStyle);
    int start = text.start(value);
    int end = text.end(value);
    if (start < end) {
      return new TextEdit(start, end, list);
    }
    int colon = text.text().indexOf(':', text.end(key));
    return TextEdit.insert(colon + 1, " " + list);
  }

  /** A new block field after the last line of {@code containers}, at that key's indentation. */
  private TextEdit newField(MappingNode podSpec, List<String> secrets) {
    NodeTuple neighbour = neighbour(podSpec);
    Node key = neighbour.getKeyNode();
    String indent = text.indentBefore(text.start(key));
    if (indent == null) {
      throw new UneditableSourceException("the pod spec's layout leaves no line for " + KEY);
    }
    // An alias's marks are its anchor's, earlier in the file; the alias itself is on the key's
    // line.
    int at =
        text.afterLine(
            Math.max(YamlNodes.contentEnd(text, neighbour.getValueNode()), text.end(key)));
    String dash = indent + " ".repeat(sequenceIndent(neighbour.getValueNode(), indent)) + "- ";
    // Keys quoted like containers' key and the first container's name key, names like its name.
    EntryText keys = EntryText.like((ScalarNode) key);
    Optional<NodeTuple> firstName = firstContainerName(neighbour.getValueNode());
    EntryText nameKey =
        EntryText.like(firstName.map(t -> (ScalarNode) t.getKeyNode()).orElse(null));
    EntryText names =
        EntryText.like(
            firstName
                .map(NodeTuple::getValueNode)
                .filter(ScalarNode.class::isInstance)
                .map(ScalarNode.class::cast)
                .orElse(null));
    StringBuilder lines = new StringBuilder(indent).append(keys.quoted(KEY)).append(':');
    for (String secret : secrets) {
      lines.append(lineBreak).append(dash).append(nameKey.quoted("name")).append(": ");
      lines.append(names.quoted(secret));
    }
    if (at == text.text().length() && !text.endsWithLineBreak()) {
      // The file ends without a line break; so does the edited file.
      return TextEdit.insert(at, lineBreak + lines);
    }
    return TextEdit.insert(at, lines.append(lineBreak).toString());
  }

  /** A new entry before {@code containers} in a flow mapping (JSON, or YAML written inline). */
  private TextEdit newFlowField(MappingNode podSpec, List<String> secrets) {
    ScalarNode key = (ScalarNode) neighbour(podSpec).getKeyNode();
    EntryText keyStyle = EntryText.like(key);
    String field = keyStyle.quoted(KEY) + ": " + keyStyle.flowList(secrets, keyStyle);
    int at = text.start(key);
    String indent = text.indentBefore(at);
    return TextEdit.insert(at, field + (indent == null ? ", " : "," + lineBreak + indent));
  }

  /**
   * How far the file indents a list's dashes under their key: 0 in kubectl and kustomize output,
   * often 2 by hand. Taken from {@code containers}; 0 when that is not a block list.
   */
  private int sequenceIndent(Node containers, String keyIndent) {
    if (containers instanceof SequenceNode list && !YamlNodes.isFlow(list)) {
      int dash = text.start(list);
      return Math.max(0, dash - text.lineStart(dash) - keyIndent.length());
    }
    return 0;
  }

  private static NodeTuple neighbour(MappingNode podSpec) {
    List<NodeTuple> entries = podSpec.getValue();
    if (entries.isEmpty()) {
      throw new UneditableSourceException("the pod spec is empty");
    }
    return YamlNodes.entry(podSpec, "containers").orElse(entries.get(entries.size() - 1));
  }

  private static Optional<NodeTuple> firstContainerName(Node containers) {
    if (containers instanceof SequenceNode list
        && !list.getValue().isEmpty()
        && list.getValue().get(0) instanceof MappingNode container) {
      return YamlNodes.entry(container, "name");
    }
    return Optional.empty();
  }
}
