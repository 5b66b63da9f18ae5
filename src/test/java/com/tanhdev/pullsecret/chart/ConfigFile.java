package com.tanhdev.pullsecret.chart;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The app's config file as the chart renders it into its ConfigMap. */
final class ConfigFile {

  private ConfigFile() {}

  static JsonNode of(RenderedManifests manifests) {
    String text = manifests.one("ConfigMap").path("data").path("config.yaml").asString();
    return YAMLMapper.builder().build().readTree(text);
  }
}
