package com.tanhdev.pullsecret.http;

import java.nio.charset.StandardCharsets;

/** The review {@link AdmissionEndpoint#decideSample} decides: a Pod shaped like the usual ones. */
final class WarmUpReview {

  static final byte[] BYTES =
      """
      {"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview", "request": {
        "uid": "00000000-0000-4000-8000-000000000000",
        "kind": {"group": "", "version": "v1", "kind": "Pod"},
        "resource": {"group": "", "version": "v1", "resource": "pods"},
        "namespace": "warm-up", "operation": "CREATE",
        "userInfo": {"username": "system:serviceaccount:kube-system:replicaset-controller"},
        "object": {"apiVersion": "v1", "kind": "Pod",
          "metadata": {"generateName": "app-7d9f8c6b5-", "namespace": "warm-up",
            "labels": {"app": "app", "pod-template-hash": "7d9f8c6b5"}},
          "spec": {
            "initContainers": [{"name": "init", "image": "warm-up.invalid/init:1.0.0"}],
            "containers": [
              {"name": "app", "image": "warm-up.invalid/app:1.0.0",
               "env": [{"name": "A", "value": "a"}, {"name": "B", "value": "b"}],
               "resources": {"requests": {"cpu": "100m", "memory": "128Mi"}}},
              {"name": "proxy", "image": "warm-up.invalid/proxy@sha256:\
      0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}],
            "imagePullSecrets": [{"name": "other"}],
            "restartPolicy": "Always"}},
        "dryRun": false}}
      """
          .getBytes(StandardCharsets.UTF_8);

  private WarmUpReview() {}
}
