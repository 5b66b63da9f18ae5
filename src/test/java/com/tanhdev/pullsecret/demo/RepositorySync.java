package com.tanhdev.pullsecret.demo;

import com.tanhdev.pullsecret.kube.ApiAnswer;
import com.tanhdev.pullsecret.kube.WebhookFixture;
import com.tanhdev.pullsecret.policy.RegistryRule;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the repository's objects through the API server, as a GitOps tool would: the platform
 * (namespaces and secrets) first, then the workloads, each read back to see what was stored.
 */
final class RepositorySync {

  private final WebhookFixture webhook;
  private final RegistryRule rule;

  RepositorySync(WebhookFixture webhook, RegistryRule rule) {
    this.webhook = webhook;
    this.rule = rule;
  }

  void applyPlatform(List<HasMetadata> objects) {
    KubernetesClient client = webhook.client();
    for (HasMetadata object : objects) {
      if (object instanceof Namespace namespace) {
        client.resource(selectedBy(namespace)).create();
      } else if (object instanceof Secret) {
        client.resource(object).create();
      }
    }
  }

  List<WorkloadOutcome> applyWorkloads(List<HasMetadata> objects) {
    List<WorkloadOutcome> outcomes = new ArrayList<>();
    for (HasMetadata object : objects) {
      if (isWorkload(object)) {
        ApiAnswer answer = webhook.api().create(object);
        if (!answer.succeeded()) {
          throw new IllegalStateException(
              "the API server refused " + describe(object) + ": " + answer.message());
        }
        outcomes.add(WorkloadOutcome.of(object, answer, readBack(object), rule));
      }
    }
    return outcomes;
  }

  /** How many workloads the repository puts in {@code namespace}: one Pod each, here. */
  static int workloadsIn(List<HasMetadata> objects, String namespace) {
    return (int)
        objects.stream()
            .filter(RepositorySync::isWorkload)
            .filter(object -> namespace.equals(object.getMetadata().getNamespace()))
            .count();
  }

  private static boolean isWorkload(HasMetadata object) {
    return !(object instanceof Namespace) && !(object instanceof Secret);
  }

  /** The demo's namespaces get the label that routes them to this webhook registration. */
  private Namespace selectedBy(Namespace namespace) {
    return new NamespaceBuilder(namespace)
        .editMetadata()
        .addToLabels(webhook.namespaceLabels())
        .endMetadata()
        .build();
  }

  private HasMetadata readBack(HasMetadata object) {
    return webhook
        .client()
        .resources(object.getClass())
        .inNamespace(object.getMetadata().getNamespace())
        .withName(object.getMetadata().getName())
        .get();
  }

  private static String describe(HasMetadata object) {
    return object.getKind()
        + " "
        + object.getMetadata().getNamespace()
        + "/"
        + object.getMetadata().getName();
  }
}
