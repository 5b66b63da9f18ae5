package com.tanhdev.pullsecret.kube;

import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.Map;

/** Deployments for tests, shaped as a user's manifest is: the selector matches the pod labels. */
public final class Deployments {

  private Deployments() {}

  /** A Deployment whose pods carry {@code labels} and run {@code spec}; add to it as needed. */
  public static DeploymentBuilder of(
      String namespace, String name, Map<String, String> labels, PodSpec spec) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .endMetadata()
        .withNewSpec()
        .withNewSelector()
        .withMatchLabels(labels)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(labels)
        .endMetadata()
        .withSpec(spec)
        .endTemplate()
        .endSpec();
  }
}
