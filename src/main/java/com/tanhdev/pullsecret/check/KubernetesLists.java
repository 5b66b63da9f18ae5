package com.tanhdev.pullsecret.check;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * {@code kubectl get -o yaml} prints several objects as one {@code kind: List} (typed lists such as
 * {@code DeploymentList} have the same shape); their items are checked one by one.
 */
final class KubernetesLists {

  private KubernetesLists() {}

  static boolean isList(JsonNode document) {
    JsonNode kind = document.path("kind");
    return kind.isString()
        && kind.stringValue().endsWith("List")
        && document.path("items").isArray();
  }

  /** The objects a document holds: its items when it is a list, else the document itself. */
  static List<JsonNode> objectsIn(JsonNode document) {
    if (!isList(document)) {
      return List.of(document);
    }
    List<JsonNode> items = new ArrayList<>();
    document.path("items").forEach(items::add);
    return items;
  }
}
