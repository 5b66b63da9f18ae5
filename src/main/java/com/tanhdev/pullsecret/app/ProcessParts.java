package com.tanhdev.pullsecret.app;

import com.tanhdev.pullsecret.config.ConfigWatcher;
import com.tanhdev.pullsecret.lookup.InformerNamespaceLabels;
import com.tanhdev.pullsecret.lookup.InformerSecretLookup;
import com.tanhdev.pullsecret.lookup.SecretLookup;
import com.tanhdev.pullsecret.tls.CertificateSource;
import io.fabric8.kubernetes.client.KubernetesClient;

/** What a webhook process is made of, closed in order; each part is null until started. */
final class ProcessParts {
  KubernetesClient ownedClient;
  CertificateSource certificates;
  InformerSecretLookup informers;
  InformerNamespaceLabels namespaceLabels;
  SecretLookup lookup;
  WebhookApplication app;
  ConfigWatcher watcher;

  void close() {
    if (app != null) {
      app.close();
    }
    if (watcher != null) {
      watcher.close();
    }
    if (informers != null) {
      informers.close();
    }
    if (namespaceLabels != null) {
      namespaceLabels.close();
    }
    if (certificates != null) {
      certificates.close();
    }
    if (ownedClient != null) {
      ownedClient.close();
    }
  }
}
