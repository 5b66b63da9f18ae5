package com.tanhdev.pullsecret.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Who this {@code provision} process is, from the environment the chart gives it.
 *
 * @param namespace the release namespace: where the Lease lives, and never provisioned
 * @param podName this replica's identity in leader election
 */
public record ProvisionerIdentity(String namespace, String podName) {

  /**
   * {@code PULLSECRET_NAMESPACE} (else the client's namespace; required) and {@code
   * PULLSECRET_POD_NAME} (else the host name, which is the pod's name in a pod).
   *
   * @throws ConfigException when no namespace is known
   */
  public static ProvisionerIdentity of(ProcessEnvironment environment, String clientNamespace) {
    return new ProvisionerIdentity(
        environment.podNamespace(clientNamespace, "provision (the Lease lives there)").trim(),
        environment.podName().orElseGet(ProvisionerIdentity::hostName));
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "provisioner-" + ProcessHandle.current().pid();
    }
  }
}
