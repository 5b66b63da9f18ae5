package com.tanhdev.pullsecret.config;

/**
 * Certificate settings.
 *
 * @param mode files or selfManaged
 * @param secretName selfManaged: the Secret holding the CA and serving certificate
 * @param webhookConfigurationName selfManaged: the MutatingWebhookConfiguration to keep current
 * @param serviceName selfManaged: the Service whose DNS names the certificate carries
 */
public record CertificateSettings(
    CertificateMode mode, String secretName, String webhookConfigurationName, String serviceName) {}
