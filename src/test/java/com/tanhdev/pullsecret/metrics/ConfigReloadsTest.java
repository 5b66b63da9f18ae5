package com.tanhdev.pullsecret.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Both processes expose config reloads under the same name and labels, which one alert covers. */
class ConfigReloadsTest {

  @Test
  void the_webhook_and_the_provisioner_count_reloads_by_result_alike() {
    WebhookMetrics webhook = new WebhookMetrics();
    ProvisioningMetrics provisioner = new ProvisioningMetrics(() -> true);

    webhook.configReload(true);
    webhook.configReload(false);
    provisioner.configReload(true);
    provisioner.configReload(false);

    for (String scrape : new String[] {webhook.scrape(), provisioner.scrape()}) {
      assertThat(scrape)
          .contains("# HELP pullsecret_config_reloads_total Config file reloads by result")
          .contains("pullsecret_config_reloads_total{result=\"success\"} 1.0")
          .contains("pullsecret_config_reloads_total{result=\"failure\"} 1.0");
    }
  }
}
