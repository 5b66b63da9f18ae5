package com.tanhdev.pullsecret.config;

import com.tanhdev.pullsecret.config.RulesSection.ParsedRule;
import com.tanhdev.pullsecret.policy.MissingSecretPolicy;
import com.tanhdev.pullsecret.policy.Mode;
import com.tanhdev.pullsecret.policy.PolicySettings;
import com.tanhdev.pullsecret.provision.ProvisionedNamespaces;
import com.tanhdev.pullsecret.provision.ProvisioningSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Turns a config tree into a {@link WebhookConfig}, reporting every bad key at once. */
final class ConfigParser {

  private static final Set<String> TOP_KEYS =
      Set.of(
          "rules",
          "mode",
          "missingSecret",
          "kinds",
          "lookupTimeoutMillis",
          "server",
          "certificates",
          "excludedNamespaces",
          "provisioning");
  private static final Set<String> SERVER_KEYS =
      Set.of("host", "port", "healthPort", "tlsCertFile", "tlsKeyFile", "maxConcurrentReviews");
  private static final Set<String> CERTIFICATE_KEYS = Set.of("mode", "selfManaged");
  private static final Set<String> SELF_MANAGED_KEYS =
      Set.of(
          "secretName",
          "webhookConfigurationName",
          "serviceName",
          "checkIntervalSeconds",
          "rotationOverlapSeconds");

  /** Each rotation phase lasts at least this many checks, so that every replica has reloaded. */
  private static final int CHECKS_PER_OVERLAP = 3;

  /**
   * @param releaseNamespace {@code PULLSECRET_NAMESPACE}, or null
   */
  WebhookConfig parse(JsonNode root, String source, String releaseNamespace) {
    List<String> problems = new ArrayList<>();
    if (root == null || !root.isObject()) {
      throw new ConfigException(source, List.of("the file must hold a YAML mapping"));
    }
    ConfigNode top = new ConfigNode(root, "", problems);
    top.rejectUnknownKeys(TOP_KEYS);
    PolicySettings defaults = PolicySettings.defaults();
    List<ParsedRule> rules =
        top.has("rules")
            ? new RulesSection().parse(top)
            : defaults.rules().stream().map(rule -> new ParsedRule(rule, null, "rules")).toList();
    ProvisioningSettings provisioning = new ProvisioningSection().parse(top, rules);
    PolicySettings policy =
        new PolicySettings(
            rules.stream().map(ParsedRule::rule).toList(),
            top.choice("mode", Mode.ENFORCE, Mode.class),
            top.choice("missingSecret", MissingSecretPolicy.SKIP, MissingSecretPolicy.class),
            top.has("kinds") ? new KindsSection().parse(top.object("kinds")) : defaults.kinds(),
            // 300 ms keeps the worst case far inside the API server's 5 s webhook timeout.
            Duration.ofMillis(top.integer("lookupTimeoutMillis", 300, 10, 4000)),
            ProvisionedNamespaces.of(provisioning, releaseNamespace));
    ServerSettings server = server(top.objectOrEmpty("server"));
    CertificateSettings certificates = certificates(top.objectOrEmpty("certificates"));
    List<String> excluded =
        top.has("excludedNamespaces")
            ? new NamespaceNames().parse(top, "excludedNamespaces")
            : WebhookConfig.DEFAULT_EXCLUDED_NAMESPACES;
    if (!problems.isEmpty()) {
      throw new ConfigException(source, problems);
    }
    return new WebhookConfig(policy, server, certificates, excluded, provisioning);
  }

  private static ServerSettings server(ConfigNode server) {
    server.rejectUnknownKeys(SERVER_KEYS);
    String tlsDir = ServerSettings.DEFAULT_TLS_DIR;
    return new ServerSettings(
        server.string("host", "0.0.0.0"),
        server.integer("port", 8443, 0, 65535),
        server.integer("healthPort", 8080, 0, 65535),
        Path.of(server.string("tlsCertFile", tlsDir + "/tls.crt")),
        Path.of(server.string("tlsKeyFile", tlsDir + "/tls.key")),
        server.integer("maxConcurrentReviews", 64, 1, 4096));
  }

  private static CertificateSettings certificates(ConfigNode certificates) {
    certificates.rejectUnknownKeys(CERTIFICATE_KEYS);
    CertificateMode mode =
        certificates.choice("mode", CertificateMode.FILES, CertificateMode.class);
    ConfigNode names = certificates.objectOrEmpty("selfManaged");
    names.rejectUnknownKeys(SELF_MANAGED_KEYS);
    int checkSeconds = names.integer("checkIntervalSeconds", 10, 1, 3_600);
    int overlapSeconds = names.integer("rotationOverlapSeconds", 600, 3, 86_400);
    if (overlapSeconds < CHECKS_PER_OVERLAP * checkSeconds) {
      names.problem(
          "rotationOverlapSeconds",
          "must be at least %d times checkIntervalSeconds (%d), so that every replica reloads in each phase"
              .formatted(CHECKS_PER_OVERLAP, checkSeconds));
    }
    return new CertificateSettings(
        mode,
        names.string("secretName", "pullsecret-webhook-tls"),
        names.string("webhookConfigurationName", "pullsecret-webhook"),
        names.string("serviceName", "pullsecret-webhook"),
        Duration.ofSeconds(checkSeconds),
        Duration.ofSeconds(overlapSeconds));
  }
}
