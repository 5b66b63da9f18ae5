package com.tanhdev.pullsecret.kube;

import com.tanhdev.pullsecret.config.ConfigLoader;
import com.tanhdev.pullsecret.config.WebhookConfig;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Where a test webhook's configuration comes from. The fixture passes the listening address and its
 * generated certificate files as {@code PULLSECRET_*} environment overrides, the same way a
 * deployment would, so the YAML only says what the test is about.
 */
@FunctionalInterface
public interface WebhookConfigSource {

  WebhookConfig load(Map<String, String> env);

  /** A YAML config; keys it leaves out take their defaults. */
  static WebhookConfigSource yaml(String text) {
    return env -> new ConfigLoader().parse(text.getBytes(StandardCharsets.UTF_8), "test", env);
  }

  /** The config the webhook ships with. */
  static WebhookConfigSource embeddedDefault() {
    return env -> new ConfigLoader().loadEmbedded(env);
  }
}
