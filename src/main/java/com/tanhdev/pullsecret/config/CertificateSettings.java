package com.tanhdev.pullsecret.config;

import java.time.Duration;

/**
 * Certificate settings.
 *
 * @param mode files or selfManaged
 * @param secretName selfManaged: the Secret holding the CA and serving certificate
 * @param webhookConfigurationName selfManaged: the MutatingWebhookConfiguration to keep current
 * @param serviceName selfManaged: the Service whose DNS names the certificate carries
 * @param checkInterval selfManaged: how often each replica reads the Secret
 * @param rotationOverlap selfManaged: the least time each phase of a CA rotation lasts
 */
public record CertificateSettings(
    CertificateMode mode,
    String secretName,
    String webhookConfigurationName,
    String serviceName,
    Duration checkInterval,
    Duration rotationOverlap) {}
