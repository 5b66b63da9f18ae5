package com.tanhdev.pullsecret.check;

import com.tanhdev.pullsecret.source.YamlNodes;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * A workload found in a document, with what checking it found and where it was written.
 *
 * @param document the document holding it
 * @param pointer JSON Pointer of the object in the document ("" or {@code /items/3})
 * @param check what the scanner found
 */
public record ScannedWorkload(ManifestDocument document, String pointer, WorkloadCheck check) {

  /** Every workload of the manifests, in document order, the items of a List one by one. */
  public static List<ScannedWorkload> all(Manifests manifests, WorkloadScanner scanner) {
    return manifests.documents().stream()
        .flatMap(
            document ->
                KubernetesLists.objectPointers(document.content()).stream()
                    .flatMap(
                        pointer ->
                            scanner.scan(document.content().at(pointer)).stream()
                                .map(check -> new ScannedWorkload(document, pointer, check))))
        .toList();
  }

  /** The pod spec's node in the source, when the source is known and the pod spec a mapping. */
  public Optional<MappingNode> podSpecNode() {
    DocumentSource source = document.source();
    if (source == null) {
      return Optional.empty();
    }
    return YamlNodes.at(source.root(), pointer + check.workload().kind().podSpecPointer())
        .filter(MappingNode.class::isInstance)
        .map(MappingNode.class::cast);
  }

  /** {@code file:line} of the pod spec, or the file alone; then the workload's label. */
  public String place() {
    String file = document.file();
    return podSpecMark().map(mark -> file + ":" + (mark.getLine() + 1)).orElse(file)
        + ": "
        + check.workload().label();
  }

  /** Where the pod spec starts (0-based line and column); empty when not known. */
  public Optional<Mark> podSpecMark() {
    return podSpecNode().flatMap(Node::getStartMark);
  }
}
