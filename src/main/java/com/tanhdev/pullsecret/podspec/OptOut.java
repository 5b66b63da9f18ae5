package com.tanhdev.pullsecret.podspec;

import tools.jackson.databind.JsonNode;

/**
 * The per-object opt-out, shared by the webhook and {@code check} so both read it the same way: the
 * annotation set to "false" on the object itself or on its pod template.
 */
public final class OptOut {

  public static final String ANNOTATION = "pullsecret.tanhdev.com/inject";

  private OptOut() {}

  public static boolean isOptedOut(WorkloadKind kind, JsonNode object) {
    return saysFalse(object.path("metadata"))
        || saysFalse(object.at(kind.annotatedMetadataPointer()));
  }

  private static boolean saysFalse(JsonNode metadata) {
    JsonNode value = metadata.path("annotations").path(ANNOTATION);
    return value.isString() && value.stringValue().trim().equalsIgnoreCase("false");
  }
}
