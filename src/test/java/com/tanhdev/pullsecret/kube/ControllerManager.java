package com.tanhdev.pullsecret.kube;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How a {@link ControlPlane} runs kube-controller-manager: only the controllers whose work a user
 * sees without a kubelet, each under its own ServiceAccount as in a real cluster, no leader
 * election (one instance) and no listening port (nothing probes it; the tests watch its effects).
 */
final class ControllerManager {

  /**
   * Namespace deletion and garbage collection; Deployments, ReplicaSets, Jobs and CronJobs making
   * their Pods; the default ServiceAccount of each namespace and the token controller the
   * controllers' own credentials depend on. Node, volume, endpoint and quota controllers would only
   * burn CPU on a cluster without nodes.
   */
  static final List<String> CONTROLLERS =
      List.of(
          "namespace-controller",
          "garbage-collector-controller",
          "deployment-controller",
          "replicaset-controller",
          "job-controller",
          "cronjob-controller",
          "serviceaccount-controller",
          "serviceaccount-token-controller");

  private ControllerManager() {}

  static SupervisedProcess start(Path binary, Path dir, ControlPlanePki pki, String apiServerUrl) {
    Path kubeconfig = dir.resolve("controller-manager.kubeconfig");
    try {
      Files.writeString(kubeconfig, kubeconfig(pki, apiServerUrl));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + kubeconfig, e);
    }
    return SupervisedProcess.start(
        "kube-controller-manager",
        binary,
        List.of(
            "--kubeconfig=" + kubeconfig,
            "--controllers=" + String.join(",", CONTROLLERS),
            "--use-service-account-credentials=true",
            "--service-account-private-key-file=" + pki.serviceAccountKeyFile(),
            "--root-ca-file=" + pki.caFile(),
            "--leader-elect=false",
            "--bind-address=127.0.0.1",
            "--secure-port=0"),
        dir.resolve("kube-controller-manager.log"));
  }

  private static String kubeconfig(ControlPlanePki pki, String apiServerUrl) {
    return """
        apiVersion: v1
        kind: Config
        clusters:
          - name: test
            cluster:
              server: %s
              certificate-authority: %s
        users:
          - name: kube-controller-manager
            user:
              client-certificate: %s
              client-key: %s
        contexts:
          - name: test
            context: {cluster: test, user: kube-controller-manager}
        current-context: test
        """
        .formatted(
            apiServerUrl,
            pki.caFile(),
            pki.controllerManagerCertFile(),
            pki.controllerManagerKeyFile());
  }
}
