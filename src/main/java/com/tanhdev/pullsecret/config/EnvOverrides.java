package com.tanhdev.pullsecret.config;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies {@code PULLSECRET_*} environment variables on top of the config tree before validation,
 * so a bad value is reported under the key it overrides. An unknown {@code PULLSECRET_} variable is
 * an error: a misspelt override that silently does nothing is worse than a refusal to start.
 */
final class EnvOverrides {

  /**
   * Read elsewhere: the config file path, the pod's own namespace and name and the log level by the
   * process; the tool locations and caches by the project's scripts and tests.
   */
  private static final List<String> NOT_OVERRIDES =
      List.of(
          "PULLSECRET_CONFIG",
          "PULLSECRET_NAMESPACE",
          "PULLSECRET_POD_NAME",
          "PULLSECRET_LOG_LEVEL",
          "PULLSECRET_HADOLINT_CACHE",
          "PULLSECRET_HELM",
          "PULLSECRET_HELM_CACHE",
          "PULLSECRET_IMAGE_JAVA",
          "PULLSECRET_KUBE_BIN",
          "PULLSECRET_KUBE_CACHE",
          "PULLSECRET_KUBE_BUILD_KUBECTL",
          "PULLSECRET_KUSTOMIZE",
          "PULLSECRET_KUSTOMIZE_CACHE",
          "PULLSECRET_PROMTOOL",
          "PULLSECRET_PROMTOOL_CACHE",
          "PULLSECRET_SHELLCHECK_CACHE");

  private static final Map<String, String> TOP_LEVEL =
      Map.of(
          "PULLSECRET_MODE", "mode",
          "PULLSECRET_MISSING_SECRET", "missingSecret",
          "PULLSECRET_LOOKUP_TIMEOUT_MILLIS", "lookupTimeoutMillis");

  private static final Map<String, String> SERVER =
      Map.of(
          "PULLSECRET_HOST", "host",
          "PULLSECRET_PORT", "port",
          "PULLSECRET_HEALTH_PORT", "healthPort",
          "PULLSECRET_TLS_CERT_FILE", "tlsCertFile",
          "PULLSECRET_TLS_KEY_FILE", "tlsKeyFile",
          "PULLSECRET_MAX_CONCURRENT_REVIEWS", "maxConcurrentReviews");

  private static final String RULES = "PULLSECRET_RULES";

  static String documentation() {
    return "PULLSECRET_RULES (registry=secret,...), "
        + String.join(", ", TOP_LEVEL.keySet())
        + ", "
        + String.join(", ", SERVER.keySet());
  }

  void apply(ObjectNode root, Map<String, String> env, List<String> problems) {
    for (Map.Entry<String, String> entry : env.entrySet()) {
      String name = entry.getKey();
      String value = entry.getValue();
      if (!name.startsWith("PULLSECRET_") || NOT_OVERRIDES.contains(name)) {
        continue;
      }
      if (TOP_LEVEL.containsKey(name)) {
        put(root, TOP_LEVEL.get(name), value);
      } else if (SERVER.containsKey(name)) {
        ObjectNode server =
            root.get("server") instanceof ObjectNode existing ? existing : root.putObject("server");
        put(server, SERVER.get(name), value);
      } else if (name.equals(RULES)) {
        rules(root, value, problems);
      } else {
        problems.add(name + ": unknown environment override (known: " + documentation() + ")");
      }
    }
  }

  private static void put(ObjectNode node, String key, String value) {
    try {
      node.put(key, Integer.parseInt(value.trim()));
    } catch (NumberFormatException notANumber) {
      node.put(key, value.trim());
    }
  }

  private static void rules(ObjectNode root, String value, List<String> problems) {
    ArrayNode rules = root.putArray("rules");
    for (String pair : value.split(",")) {
      String[] parts = pair.trim().split("=", -1);
      if (parts.length != 2) {
        problems.add(RULES + ": each rule must be registry=secret, got \"" + pair.trim() + "\"");
        continue;
      }
      rules.addObject().put("registry", parts[0].trim()).put("secret", parts[1].trim());
    }
  }
}
