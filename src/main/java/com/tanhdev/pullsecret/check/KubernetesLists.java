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

  /**
   * JSON Pointers of the objects a document holds: {@code /items/0}... when it is a list, else ""
   * (the document itself).
   */
  static List<String> objectPointers(JsonNode document) {
    if (!isList(document)) {
      return List.of("");
    }
    List<String> pointers = new ArrayList<>();
    for (int i = 0; i < document.path("items").size(); i++) {
      pointers.add("/items/" + i);
    }
    return pointers;
  }
}
