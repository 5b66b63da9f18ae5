package com.tanhdev.pullsecret.training;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The AdmissionReviews of the training run: Pods and Deployments, in a namespace that holds the
 * pull secret and in one that does not, pulling from the registry or only public images, so that
 * each answer the webhook gives in production (patched, already present, skipped) is trained.
 */
final class TrainingReviews {

  private TrainingReviews() {}

  static List<byte[]> all() {
    return List.of(
        pod("team-a", "registry-api.tanhdev.com/auth/api:1.9.0", "[]"),
        pod("team-b", "registry-api.tanhdev.com/order/worker@sha256:" + "0a".repeat(32), "[]"),
        pod(
            "team-a",
            "registry-api.tanhdev.com/auth/api:1.9.0",
            "[{\"name\": \"registry-api-tanhdev\"}]"),
        pod("team-c", "registry-api.tanhdev.com/search/api:0.1.0", "[]"),
        pod("team-a", "redis:7.4-alpine", "[]"),
        deployment("team-b", "registry-api.tanhdev.com/payment/api:2.0.1"));
  }

  private static byte[] pod(String namespace, String image, String pullSecrets) {
    return review(
        "Pod",
        "",
        "pods",
        namespace,
        """
        {"apiVersion": "v1", "kind": "Pod",
         "metadata": {"generateName": "app-7d9f8c6b5-", "labels": {"app": "app"}},
         "spec": %s}
        """
            .formatted(podSpec(image, pullSecrets)));
  }

  private static byte[] deployment(String namespace, String image) {
    return review(
        "Deployment",
        "apps",
        "deployments",
        namespace,
        """
        {"apiVersion": "apps/v1", "kind": "Deployment",
         "metadata": {"name": "api", "labels": {"app": "api"}},
         "spec": {"replicas": 2, "selector": {"matchLabels": {"app": "api"}},
                  "template": {"metadata": {"labels": {"app": "api"}}, "spec": %s}}}
        """
            .formatted(podSpec(image, "[]")));
  }

  private static String podSpec(String image, String pullSecrets) {
    return """
        {"initContainers": [{"name": "migrate", "image": "%1$s"}],
         "containers": [
           {"name": "app", "image": "%1$s", "env": [{"name": "A", "value": "a"}],
            "resources": {"requests": {"cpu": "100m", "memory": "128Mi"}}},
           {"name": "proxy", "image": "envoyproxy/envoy:v1.31.0"}],
         "imagePullSecrets": %2$s, "restartPolicy": "Always"}
        """
        .formatted(image, pullSecrets);
  }

  private static byte[] review(
      String kind, String group, String resource, String namespace, String object) {
    return """
        {"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview", "request": {
          "uid": "00000000-0000-4000-8000-000000000001",
          "kind": {"group": "%s", "version": "v1", "kind": "%s"},
          "resource": {"group": "%s", "version": "v1", "resource": "%s"},
          "namespace": "%s", "operation": "CREATE",
          "userInfo": {"username": "system:serviceaccount:kube-system:replicaset-controller"},
          "object": %s, "dryRun": false}}
        """
        .formatted(group, kind, group, resource, namespace, object)
        .getBytes(StandardCharsets.UTF_8);
  }
}
