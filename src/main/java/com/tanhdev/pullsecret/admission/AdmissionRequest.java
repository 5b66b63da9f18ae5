package com.tanhdev.pullsecret.admission;

import tools.jackson.databind.JsonNode;

/**
 * The parts of an AdmissionReview request this webhook reads. The object stays raw JSON so that a
 * patch is built against exactly what the API server sent.
 *
 * @param apiVersion the review's version, echoed in the response
 * @param uid the request's uid, echoed in the response
 * @param group the object's API group ("" for core)
 * @param kind the object's kind
 * @param subResource the subresource, "" for the object itself
 * @param namespace the request's namespace ("" for cluster-scoped): authoritative, because pods
 *     made by controllers arrive without {@code metadata.namespace}
 * @param name the object's name ("" when the API server has not assigned one yet)
 * @param operation CREATE, UPDATE, DELETE or CONNECT as sent
 * @param dryRun whether the request is a dry run
 * @param object the object, or a missing node
 */
public record AdmissionRequest(
    String apiVersion,
    String uid,
    String group,
    String kind,
    String subResource,
    String namespace,
    String name,
    String operation,
    boolean dryRun,
    JsonNode object) {

  /** The object's name, or its generateName prefix when the name is not assigned yet. */
  public String displayName() {
    if (!name.isEmpty()) {
      return name;
    }
    JsonNode generateName = object.path("metadata").path("generateName");
    return generateName.isString() ? generateName.stringValue() + "*" : "";
  }
}
