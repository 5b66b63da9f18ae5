package com.tanhdev.pullsecret.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The one definition of the config reload counter that the webhook and the provisioner share. */
final class ConfigReloads {

  private ConfigReloads() {}

  static void count(MeterRegistry registry, boolean succeeded) {
    Counter.builder("pullsecret_config_reloads")
        .description("Config file reloads by result")
        .tag("result", succeeded ? "success" : "failure")
        .register(registry)
        .increment();
  }
}
