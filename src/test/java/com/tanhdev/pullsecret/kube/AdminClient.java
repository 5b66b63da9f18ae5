package com.tanhdev.pullsecret.kube;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The control plane's cluster-admin client: a client certificate in group system:masters. */
final class AdminClient {

  private AdminClient() {}

  static KubernetesClient connect(ControlPlanePki pki, String url) {
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(url)
            .withCaCertData(base64(pki.ca().certificatePem()))
            .withClientCertData(base64(pki.admin().certificatePem()))
            .withClientKeyData(base64(pki.admin().privateKeyPem()))
            .withClientKeyAlgo("EC")
            // A request the API server answers with 500 (a failing webhook) must fail at once, not
            // be retried with backoff.
            .withRequestRetryBackoffLimit(0)
            .build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  private static String base64(String pem) {
    return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
  }
}
