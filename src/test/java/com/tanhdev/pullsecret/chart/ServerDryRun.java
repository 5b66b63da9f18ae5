package com.tanhdev.pullsecret.chart;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FieldValidateable.Validation;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Submits rendered objects to a real API server the way {@code kubectl create --dry-run=server
 * --validate=strict} does: each one is validated, defaulted and admitted, and none is stored.
 * Strict field validation matters: by default the API server drops an unknown field with only a
 * warning, so a misspelt key in a template would silently lose its setting.
 */
record ServerDryRun(KubernetesClient client) {

  /**
   * Prepares the API server for the chart's objects: the stand-in CRDs, and the release namespace,
   * created for real because a dry run into a missing namespace is refused (as are the namespaces
   * of other objects, when they are submitted).
   */
  static ServerDryRun prepare(KubernetesClient client) {
    StandInCrds.install(client);
    ServerDryRun dryRun = new ServerDryRun(client);
    dryRun.ensureNamespace(PullsecretChart.NAMESPACE);
    return dryRun;
  }

  /** What the API server said to each object, named {@code Kind namespace/name}. */
  record Verdicts(List<String> accepted, List<String> refused) {}

  Verdicts submit(List<JsonNode> objects) {
    List<String> accepted = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (JsonNode object : objects) {
      HasMetadata typed = client.getKubernetesSerialization().unmarshal(object.toString());
      // The provisioner's Roles live in the namespaces of the rules' sources.
      if (typed.getMetadata().getNamespace() != null) {
        ensureNamespace(typed.getMetadata().getNamespace());
      }
      try {
        client.resource(typed).dryRun().fieldValidation(Validation.STRICT).create();
        accepted.add(describe(typed));
      } catch (KubernetesClientException e) {
        refused.add(describe(typed) + ": " + reason(e));
      }
    }
    return new Verdicts(accepted, refused);
  }

  private void ensureNamespace(String name) {
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .serverSideApply();
  }

  private static String describe(HasMetadata object) {
    String namespace = object.getMetadata().getNamespace();
    return object.getKind()
        + " "
        + (namespace == null ? "" : namespace + "/")
        + object.getMetadata().getName();
  }

  /** The API server's own message when it answered, else the client's (say, an unknown kind). */
  private static String reason(KubernetesClientException e) {
    if (e.getStatus() != null && e.getStatus().getMessage() != null) {
      return e.getCode() + " " + e.getStatus().getMessage();
    }
    return e.getMessage();
  }
}
