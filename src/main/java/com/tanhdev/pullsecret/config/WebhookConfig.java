package com.tanhdev.pullsecret.config;

import com.tanhdev.pullsecret.policy.PolicySettings;

/**
 * The whole validated configuration.
 *
 * @param policy what happens to objects (reloadable)
 * @param server listening settings (restart to change)
 * @param certificates how the serving certificate is obtained (restart to change)
 */
public record WebhookConfig(
    PolicySettings policy, ServerSettings server, CertificateSettings certificates) {}
