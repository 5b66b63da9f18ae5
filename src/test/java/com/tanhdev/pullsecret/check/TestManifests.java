package com.tanhdev.pullsecret.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Manifests for tests: the fixtures under {@code check/} and a compact Deployment builder. */
public final class TestManifests {

  private TestManifests() {}

  /** A fixture from {@code src/test/resources/check}. */
  public static String fixture(String name) {
    try (InputStream in = TestManifests.class.getResourceAsStream("/check/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A Deployment with one container named {@code app}.
   *
   * @param podSpecExtra YAML added to the pod spec, e.g. an {@code imagePullSecrets} list
   */
  public static String deployment(
      String namespace, String name, String image, String podSpecExtra) {
    return """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: %s
      namespace: %s
    spec:
      template:
        spec:
          containers:
          - name: app
            image: %s
    %s
    """
        .formatted(name, namespace, image, podSpecExtra.indent(6).stripTrailing());
  }

  /** Every document of a YAML stream, as the check reads it. */
  public static List<JsonNode> documents(String text) {
    YAMLMapper yaml = ManifestYaml.mapper();
    List<JsonNode> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> values =
        yaml.readerFor(JsonNode.class).readValues(yaml.createParser(text))) {
      values.forEachRemaining(documents::add);
    }
    return documents;
  }
}
