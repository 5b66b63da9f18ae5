package com.tanhdev.pullsecret.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Loads the configuration: a YAML file (or the embedded default), then environment overrides, then
 * validation. Any problem is a {@link ConfigException} naming the key.
 */
public final class ConfigLoader {

  /** The embedded default: one rule for the platform registry, safe policies. */
  public static final String EMBEDDED = "/pullsecret-webhook/default-config.yaml";

  private final YAMLMapper yaml = YAMLMapper.builder().build();
  private final ConfigParser parser = new ConfigParser();
  private final EnvOverrides overrides = new EnvOverrides();

  /** Loads {@code file} with {@code env} applied. */
  public WebhookConfig load(Path file, Map<String, String> env) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ConfigException(
          file.toString(), List.of("cannot read the file: " + e.getMessage()));
    }
    return parse(bytes, file.toString(), env);
  }

  /** The config file when one is named ({@code --config}), else the embedded default. */
  public WebhookConfig loadOrEmbedded(Path fileOrNull, Map<String, String> env) {
    return fileOrNull == null ? loadEmbedded(env) : load(fileOrNull, env);
  }

  /** Loads the embedded default with {@code env} applied. */
  public WebhookConfig loadEmbedded(Map<String, String> env) {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(EMBEDDED)) {
      return parse(in.readAllBytes(), "the embedded default", env);
    } catch (IOException e) {
      throw new IllegalStateException("the embedded default config is missing from the jar", e);
    }
  }

  /** Parses YAML text; used directly by reloads, which apply the same overrides. */
  public WebhookConfig parse(byte[] yamlBytes, String source, Map<String, String> env) {
    JsonNode root;
    try {
      root = yamlBytes.length == 0 ? yaml.createObjectNode() : yaml.readTree(yamlBytes);
    } catch (JacksonException e) {
      throw new ConfigException(source, List.of("not valid YAML: " + e.getOriginalMessage()));
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      root = yaml.createObjectNode();
    }
    if (!(root instanceof ObjectNode tree)) {
      throw new ConfigException(source, List.of("the file must hold a YAML mapping"));
    }
    List<String> problems = new ArrayList<>();
    overrides.apply(tree, env, problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(source, problems);
    }
    // The release namespace never gets a copy, and the webhook must know that as well.
    return parser.parse(tree, source, env.get("PULLSECRET_NAMESPACE"));
  }
}
