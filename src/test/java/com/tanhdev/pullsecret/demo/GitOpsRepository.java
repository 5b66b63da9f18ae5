package com.tanhdev.pullsecret.demo;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The demo's manifests, laid out like a GitOps repository: a {@code kustomization.yaml} lists the
 * files in the order they are applied. Only that list is read; no other kustomize feature is.
 */
final class GitOpsRepository {

  private final String root;

  /** {@code root} is a classpath directory, such as {@code /demo}. */
  GitOpsRepository(String root) {
    this.root = root;
  }

  /** Every object of every listed file, in order. */
  List<HasMetadata> objects(KubernetesClient client) {
    List<HasMetadata> objects = new ArrayList<>();
    for (String file : files()) {
      try (InputStream in = open(file)) {
        objects.addAll(client.load(in).items());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + root + "/" + file, e);
      }
    }
    return objects;
  }

  List<String> files() {
    try (InputStream in = open("kustomization.yaml")) {
      JsonNode resources = YAMLMapper.builder().build().readTree(in).path("resources");
      List<String> files = new ArrayList<>();
      resources.forEach(file -> files.add(file.asString()));
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + root + "/kustomization.yaml", e);
    }
  }

  private InputStream open(String file) {
    InputStream in = GitOpsRepository.class.getResourceAsStream(root + "/" + file);
    if (in == null) {
      throw new IllegalStateException(root + "/" + file + " is not on the test classpath");
    }
    return in;
  }
}
