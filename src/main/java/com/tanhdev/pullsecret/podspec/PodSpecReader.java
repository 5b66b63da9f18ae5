package com.tanhdev.pullsecret.podspec;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads the images and pull secrets of a pod spec from raw JSON. Fields of the wrong type never
 * throw: they become problems, because a malformed object is the API server's to reject, not ours.
 */
public final class PodSpecReader {

  private static final String PULL_SECRETS = "imagePullSecrets";

  /**
   * Reads a pod spec.
   *
   * @param includeEphemeral whether {@code ephemeralContainers} count (only a Pod can carry them)
   */
  public PodSpecFacts read(JsonNode podSpec, boolean includeEphemeral) {
    List<ContainerImage> images = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    collect(podSpec, "initContainers", images, problems);
    collect(podSpec, "containers", images, problems);
    if (includeEphemeral) {
      collect(podSpec, "ephemeralContainers", images, problems);
    }
    JsonNode secrets = podSpec.get(PULL_SECRETS);
    PullSecretsField field = stateOf(secrets);
    List<String> existing = new ArrayList<>();
    String pullSecretsProblem = null;
    if (field == PullSecretsField.ARRAY) {
      for (JsonNode entry : secrets) {
        JsonNode name = entry.isObject() ? entry.get("name") : null;
        if (name != null && name.isString()) {
          existing.add(name.stringValue());
        }
      }
    } else if (field == PullSecretsField.WRONG_TYPE) {
      pullSecretsProblem = "imagePullSecrets is " + typeOf(secrets) + ", not a list";
    }
    return new PodSpecFacts(images, field, existing, problems, pullSecretsProblem);
  }

  private static PullSecretsField stateOf(JsonNode secrets) {
    if (secrets == null || secrets.isMissingNode()) {
      return PullSecretsField.ABSENT;
    }
    if (secrets.isNull()) {
      return PullSecretsField.NULL;
    }
    return secrets.isArray() ? PullSecretsField.ARRAY : PullSecretsField.WRONG_TYPE;
  }

  private static void collect(
      JsonNode podSpec, String field, List<ContainerImage> images, List<String> problems) {
    JsonNode containers = podSpec.get(field);
    if (containers == null || containers.isNull()) {
      return;
    }
    if (!containers.isArray()) {
      problems.add(field + " is " + typeOf(containers) + ", not a list");
      return;
    }
    int index = 0;
    for (JsonNode container : containers) {
      String label = field + "[" + index++ + "]";
      if (!container.isObject()) {
        problems.add(label + " is " + typeOf(container) + ", not an object");
        continue;
      }
      JsonNode name = container.get("name");
      String containerName = name != null && name.isString() ? name.stringValue() : label;
      JsonNode image = container.get("image");
      if (image == null || image.isNull()) {
        continue; // a container without an image is the API server's to reject
      }
      if (!image.isString()) {
        problems.add("image of " + containerName + " is " + typeOf(image) + ", not a string");
        continue;
      }
      images.add(new ContainerImage(containerName, image.stringValue()));
    }
  }

  /** "a string", "an object": the JSON type with its article, for messages. */
  private static String typeOf(JsonNode node) {
    String type = node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    return ("aeiou".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type;
  }
}
