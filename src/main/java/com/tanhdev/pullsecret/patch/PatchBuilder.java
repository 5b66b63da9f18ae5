package com.tanhdev.pullsecret.patch;

import com.tanhdev.pullsecret.podspec.PullSecretsField;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds minimal JSON Patch (RFC 6902) operations against the raw object. It only ever adds: the
 * user's entries keep their order and content, odd ones included, because a patch that rewrites
 * them could fail to apply, and a failed patch fails the user's request even with failurePolicy
 * Ignore.
 */
public final class PatchBuilder {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * The operations that append {@code secrets} to the pod spec at {@code podSpecPointer}.
   *
   * @param field the current state of {@code imagePullSecrets}; must not be {@code WRONG_TYPE}
   * @return an empty array when there is nothing to add
   */
  public ArrayNode addPullSecrets(
      String podSpecPointer, PullSecretsField field, List<String> secrets) {
    ArrayNode operations = NODES.arrayNode();
    if (secrets.isEmpty()) {
      return operations;
    }
    String path = podSpecPointer + "/imagePullSecrets";
    switch (field) {
      case ABSENT, NULL -> {
        // "add" on a member that holds null replaces it, so one shape serves both states.
        ArrayNode entries = NODES.arrayNode();
        secrets.forEach(secret -> entries.add(reference(secret)));
        operations.add(operation(path, entries));
      }
      case ARRAY ->
          secrets.forEach(secret -> operations.add(operation(path + "/-", reference(secret))));
      case WRONG_TYPE ->
          throw new IllegalArgumentException("imagePullSecrets of the wrong type is never patched");
    }
    return operations;
  }

  private static ObjectNode reference(String secret) {
    return NODES.objectNode().put("name", secret);
  }

  private static ObjectNode operation(String path, tools.jackson.databind.JsonNode value) {
    ObjectNode operation = NODES.objectNode();
    operation.put("op", "add");
    operation.put("path", path);
    operation.set("value", value);
    return operation;
  }
}
