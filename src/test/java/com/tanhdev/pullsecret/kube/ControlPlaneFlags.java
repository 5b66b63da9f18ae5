package com.tanhdev.pullsecret.kube;

import java.nio.file.Path;
import java.util.List;

/** The command lines of a {@link ControlPlane}'s etcd and kube-apiserver, on loopback. */
final class ControlPlaneFlags {

  private ControlPlaneFlags() {}

  static List<String> etcd(Path dir, int clientPort, int peerPort) {
    String clientUrl = "http://127.0.0.1:" + clientPort;
    String peerUrl = "http://127.0.0.1:" + peerPort;
    return List.of(
        "--name=test",
        "--data-dir=" + dir.resolve("etcd-data"),
        "--listen-client-urls=" + clientUrl,
        "--advertise-client-urls=" + clientUrl,
        "--listen-peer-urls=" + peerUrl,
        "--initial-advertise-peer-urls=" + peerUrl,
        "--initial-cluster=test=" + peerUrl,
        // Durability is worthless for a throwaway cluster; fsync would dominate its latency.
        "--unsafe-no-fsync");
  }

  static List<String> apiServer(Path dir, ControlPlanePki pki, int etcdPort, int securePort) {
    return List.of(
        "--etcd-servers=http://127.0.0.1:" + etcdPort,
        "--bind-address=127.0.0.1",
        "--advertise-address=127.0.0.1",
        "--secure-port=" + securePort,
        "--cert-dir=" + dir.resolve("apiserver-certs"),
        "--tls-cert-file=" + pki.servingCertFile(),
        "--tls-private-key-file=" + pki.servingKeyFile(),
        "--client-ca-file=" + pki.caFile(),
        "--authorization-mode=RBAC",
        "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
        "--service-account-key-file=" + pki.serviceAccountPublicKeyFile(),
        "--service-account-signing-key-file=" + pki.serviceAccountKeyFile(),
        "--service-cluster-ip-range=10.0.0.0/24",
        // Without a controller manager no namespace gets a default ServiceAccount, which this
        // plugin would require of every pod; with one, a pod created right after its namespace
        // would race the ServiceAccount controller. Off in both, so both admit pods alike.
        "--disable-admission-plugins=ServiceAccount",
        "--allow-privileged=true");
  }
}
