package com.tanhdev.pullsecret.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

/**
 * Who this {@code provision} process is, from the environment the chart gives it.
 *
 * @param namespace the release namespace: where the Lease lives, and never provisioned
 * @param podName this replica's identity in leader election
 */
public record ProvisionerIdentity(String namespace, String podName) {

  /**
   * Reads {@code PULLSECRET_NAMESPACE} (else the client's namespace; required) and {@code
   * PULLSECRET_POD_NAME} (else the host name, which is the pod name in a pod).
   */
  public static ProvisionerIdentity fromEnvironment(
      Map<String, String> env, String clientNamespace) {
    String namespace = env.getOrDefault("PULLSECRET_NAMESPACE", clientNamespace);
    if (namespace == null || namespace.isBlank()) {
      throw new ConfigException(
          "the environment",
          List.of(
              "PULLSECRET_NAMESPACE: provision needs its release namespace for the Lease"
                  + " (the chart sets it from metadata.namespace)"));
    }
    String podName = env.get("PULLSECRET_POD_NAME");
    return new ProvisionerIdentity(
        namespace.trim(), podName == null || podName.isBlank() ? hostName() : podName.trim());
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "provisioner-" + ProcessHandle.current().pid();
    }
  }
}
