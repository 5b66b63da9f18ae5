package com.tanhdev.pullsecret.source;

import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.CollectionNode;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** Finds things in a parsed YAML tree the way the JSON view of the same document names them. */
public final class YamlNodes {

  private YamlNodes() {}

  /** The node at a JSON Pointer ({@code /spec/template/spec}, {@code /items/3}), if any. */
  public static Optional<Node> at(Node root, String pointer) {
    Node node = root;
    if (pointer.isEmpty()) {
      return Optional.of(node);
    }
    for (String token : pointer.substring(1).split("/", -1)) {
      String name = token.replace("~1", "/").replace("~0", "~");
      if (node instanceof MappingNode mapping) {
        Optional<NodeTuple> entry = entry(mapping, name);
        if (entry.isEmpty()) {
          return Optional.empty();
        }
        node = entry.get().getValueNode();
      } else if (node instanceof SequenceNode sequence && name.matches("\\d{1,9}")) {
        int index = Integer.parseInt(name);
        if (index >= sequence.getValue().size()) {
          return Optional.empty();
        }
        node = sequence.getValue().get(index);
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(node);
  }

  /** The key-value pair whose key is the plain string {@code key}. */
  public static Optional<NodeTuple> entry(MappingNode mapping, String key) {
    return mapping.getValue().stream()
        .filter(tuple -> tuple.getKeyNode() instanceof ScalarNode scalar)
        .filter(tuple -> ((ScalarNode) tuple.getKeyNode()).getValue().equals(key))
        .findFirst();
  }

  /** The {@code name} of an {@code imagePullSecrets} entry, when it is a string. */
  public static Optional<ScalarNode> name(Node entry) {
    if (entry instanceof MappingNode mapping) {
      return entry(mapping, "name")
          .map(NodeTuple::getValueNode)
          .filter(value -> value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.STR))
          .map(ScalarNode.class::cast);
    }
    return Optional.empty();
  }

  public static boolean isFlow(Node node) {
    return node instanceof CollectionNode<?> collection
        && collection.getFlowStyle() == FlowStyle.FLOW;
  }

  public static boolean isNull(Node node) {
    return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
  }

  /**
   * The offset just after the last character written for {@code node}. A block collection's own end
   * mark lies at the next token, past comments and blank lines, so the last leaf is asked instead.
   */
  public static int contentEnd(SourceText text, Node node) {
    if (node instanceof CollectionNode<?> && !isFlow(node)) {
      List<?> children =
          node instanceof MappingNode mapping
              ? mapping.getValue()
              : ((SequenceNode) node).getValue();
      if (!children.isEmpty()) {
        Object last = children.get(children.size() - 1);
        Node lastNode = last instanceof NodeTuple tuple ? lastWritten(text, tuple) : (Node) last;
        return Math.max(contentEnd(text, lastNode), text.start(node));
      }
    }
    // A block scalar (| or >) ends after its trailing blank lines; its text ends before them,
    // unless it keeps them (|+ or >+), when they are part of its value.
    int end = text.end(node);
    if (keepsTrailingLines(text, node)) {
      return end;
    }
    while (end > text.start(node) && Character.isWhitespace(text.text().charAt(end - 1))) {
      end--;
    }
    return end;
  }

  private static boolean keepsTrailingLines(SourceText text, Node node) {
    if (!(node instanceof ScalarNode scalar)
        || (scalar.getScalarStyle() != ScalarStyle.LITERAL
            && scalar.getScalarStyle() != ScalarStyle.FOLDED)) {
      return false;
    }
    int start = text.start(node);
    String header = text.text().substring(start, text.afterLine(start + 1));
    return header.replaceFirst("#.*", "").contains("+");
  }

  /**
   * An empty value ({@code key:} and nothing) is written nowhere, and an alias's marks are its
   * anchor's, earlier in the file: for both the key's line is where the pair's text ends.
   */
  private static Node lastWritten(SourceText text, NodeTuple tuple) {
    Node value = tuple.getValueNode();
    boolean isEmptyScalar =
        value instanceof ScalarNode scalar
            && scalar.getValue().isEmpty()
            && text.start(value) == text.end(value);
    boolean isAlias = text.start(value) < text.end(tuple.getKeyNode());
    return isEmptyScalar || isAlias ? tuple.getKeyNode() : value;
  }
}
