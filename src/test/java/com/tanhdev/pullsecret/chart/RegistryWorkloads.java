package com.tanhdev.pullsecret.chart;

import com.tanhdev.pullsecret.kube.Deployments;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;

/** Workloads pulling from the private registry, written the way a user's manifest would be. */
final class RegistryWorkloads {

  static final String IMAGE = "registry-api.tanhdev.com/auth/api:1.4.2";
  static final String SECRET = "registry-api-tanhdev";

  private RegistryWorkloads() {}

  /** A pod with a generated name, so that a test can create several in one namespace. */
  static Pod pod(String namespace, Map<String, String> labels) {
    return new PodBuilder()
        .withNewMetadata()
        .withGenerateName("api-")
        .withNamespace(namespace)
        .withLabels(labels)
        .endMetadata()
        .withSpec(spec())
        .build();
  }

  static Deployment deployment(String namespace, Map<String, String> labels) {
    return Deployments.of(namespace, "api", labels, spec()).build();
  }

  private static PodSpec spec() {
    return new PodSpecBuilder()
        .addNewContainer()
        .withName("api")
        .withImage(IMAGE)
        .endContainer()
        .build();
  }
}
