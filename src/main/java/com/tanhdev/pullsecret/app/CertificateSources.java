package com.tanhdev.pullsecret.app;

import com.tanhdev.pullsecret.config.CertificateMode;
import com.tanhdev.pullsecret.config.CertificateSettings;
import com.tanhdev.pullsecret.config.ProcessEnvironment;
import com.tanhdev.pullsecret.config.WebhookConfig;
import com.tanhdev.pullsecret.tls.CertificateSource;
import com.tanhdev.pullsecret.tls.FileCertificateSource;
import com.tanhdev.pullsecret.tls.selfmanaged.SelfManagedCertificateSource;
import com.tanhdev.pullsecret.tls.selfmanaged.SelfManagedSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.function.Supplier;

/** The certificate source {@code certificates.mode} asks for, not yet started. */
final class CertificateSources {

  private CertificateSources() {}

  static CertificateSource forConfig(
      WebhookConfig config,
      Supplier<KubernetesClient> client,
      ProcessEnvironment environment,
      Clock clock) {
    CertificateSettings certificates = config.certificates();
    if (certificates.mode() == CertificateMode.FILES) {
      return new FileCertificateSource(
          config.server().tlsCertFile(),
          config.server().tlsKeyFile(),
          FileCertificateSource.DEFAULT_POLL_INTERVAL,
          clock);
    }
    String namespace =
        environment.podNamespace(client.get().getNamespace(), "certificates.mode selfManaged");
    return SelfManagedCertificateSource.create(
        client.get(),
        SelfManagedSettings.forService(
            namespace,
            certificates.secretName(),
            certificates.webhookConfigurationName(),
            certificates.serviceName(),
            certificates.checkInterval(),
            certificates.rotationOverlap()),
        clock);
  }
}
