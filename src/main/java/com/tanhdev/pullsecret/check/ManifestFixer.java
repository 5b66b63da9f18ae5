package com.tanhdev.pullsecret.check;

import com.tanhdev.pullsecret.patch.PatchBuilder;
import io.fabric8.zjsonpatch.JsonPatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Adds the missing secrets to every workload with the webhook's own JSON Patch operations, so a
 * fixed manifest is exactly what the webhook would have admitted. Everything else is returned as it
 * was read.
 */
public final class ManifestFixer {

  private final WorkloadScanner scanner;
  private final PatchBuilder patches = new PatchBuilder();

  public ManifestFixer(WorkloadScanner scanner) {
    this.scanner = scanner;
  }

  /** Every document, in order, with the missing secrets added. */
  public List<JsonNode> fix(Manifests manifests) {
    List<JsonNode> fixed = new ArrayList<>();
    for (ManifestDocument document : manifests.documents()) {
      fixed.add(fixDocument(document.content()));
    }
    return fixed;
  }

  private JsonNode fixDocument(JsonNode document) {
    if (!KubernetesLists.isList(document)) {
      return fixObject(document);
    }
    ObjectNode list = (ObjectNode) document.deepCopy();
    ArrayNode items = (ArrayNode) list.get("items");
    for (int i = 0; i < items.size(); i++) {
      items.set(i, fixObject(items.get(i)));
    }
    return list;
  }

  private JsonNode fixObject(JsonNode object) {
    Optional<WorkloadCheck> scanned = scanner.scan(object);
    if (scanned.isEmpty() || scanned.get().missing().isEmpty()) {
      return object;
    }
    WorkloadCheck check = scanned.get();
    ArrayNode operations =
        patches.addPullSecrets(
            check.workload().kind().podSpecPointer(),
            check.pullSecretsField(),
            check.missingSecretNames());
    return JsonPatch.apply(operations, object);
  }
}
