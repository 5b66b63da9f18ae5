package com.tanhdev.pullsecret.chart;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The Kubernetes objects of one {@code helm template} run, found by kind and name. */
final class RenderedManifests {

  private final List<JsonNode> objects;

  private RenderedManifests(List<JsonNode> objects) {
    this.objects = List.copyOf(objects);
  }

  static RenderedManifests parse(YAMLMapper mapper, String multiDocumentYaml) {
    List<JsonNode> documents =
        mapper.readerFor(JsonNode.class).<JsonNode>readValues(multiDocumentYaml).readAll();
    // Templates that render nothing leave documents holding only a "# Source:" comment.
    return new RenderedManifests(
        documents.stream().filter(node -> node != null && node.isObject()).toList());
  }

  /** Every rendered object, in the order helm printed them. */
  List<JsonNode> all() {
    return objects;
  }

  List<JsonNode> all(String kind) {
    return objects.stream().filter(object -> kind.equals(kindOf(object))).toList();
  }

  boolean has(String kind) {
    return !all(kind).isEmpty();
  }

  /** The only object of this kind; fails when there is none or more than one. */
  JsonNode one(String kind) {
    List<JsonNode> found = all(kind);
    if (found.size() != 1) {
      throw new NoSuchElementException(
          "expected exactly one " + kind + " but found " + found.size() + " among " + summary());
    }
    return found.get(0);
  }

  JsonNode one(String kind, String name) {
    return all(kind).stream()
        .filter(object -> name.equals(object.path("metadata").path("name").asString()))
        .findFirst()
        .orElseThrow(
            () -> new NoSuchElementException("no " + kind + " named " + name + " in " + summary()));
  }

  /** The pod template of the chart's only Deployment. */
  JsonNode podSpec() {
    return one("Deployment").path("spec").path("template").path("spec");
  }

  JsonNode container() {
    return podSpec().path("containers").get(0);
  }

  String summary() {
    return objects.stream()
        .map(object -> kindOf(object) + "/" + object.path("metadata").path("name").asString())
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static String kindOf(JsonNode object) {
    return object.path("kind").asString();
  }
}
