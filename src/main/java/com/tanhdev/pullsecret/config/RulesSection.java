package com.tanhdev.pullsecret.config;

import com.tanhdev.pullsecret.policy.RegistryRule;
import com.tanhdev.pullsecret.provision.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses {@code rules}: registry host[:port] to secret name, and the optional {@code source} that
 * {@code provision} copies the secret from.
 */
final class RulesSection {

  private static final Set<String> RULE_KEYS = Set.of("registry", "secret", "source");

  // The domain grammar of image references: dot-separated components, optional port.
  private static final Pattern REGISTRY =
      Pattern.compile(
          "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*(?::[0-9]{1,5})?");

  // Secret names are DNS-1123 subdomains.
  private static final Pattern SECRET =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  /**
   * A rule as written, with its source when it has one.
   *
   * @param source null when the rule provisions nothing
   * @param path where the rule is written, for messages: {@code rules[1]}
   */
  record ParsedRule(RegistryRule rule, SourceRef source, String path) {}

  List<ParsedRule> parse(ConfigNode top) {
    List<ParsedRule> rules = new ArrayList<>();
    top.eachObject(
        "rules",
        rule -> {
          rule.rejectUnknownKeys(RULE_KEYS);
          String registry = rule.string("registry", "");
          String secret = rule.string("secret", "");
          String source = rule.string("source", "");
          boolean valid = true;
          if (!REGISTRY.matcher(registry).matches() || registry.length() > 255) {
            rule.problem(
                "registry",
                "must be a registry host with an optional port, got \"" + registry + "\"");
            valid = false;
          }
          if (!SECRET.matcher(secret).matches() || secret.length() > 253) {
            rule.problem(
                "secret",
                "must be a Secret name (lower-case DNS subdomain), got \"" + secret + "\"");
            valid = false;
          }
          SourceRef sourceRef = null;
          if (!source.isEmpty()) {
            sourceRef = sourceRef(source);
            if (sourceRef == null) {
              rule.problem(
                  "source",
                  "must be namespace/name of a Secret (or empty for no provisioning), got \""
                      + source
                      + "\"");
              valid = false;
            }
          }
          if (valid) {
            rules.add(new ParsedRule(new RegistryRule(registry, secret), sourceRef, rule.path()));
          }
        });
    if (rules.isEmpty()) {
      top.problem("rules", "at least one rule is needed, or the webhook has nothing to do");
    }
    return rules;
  }

  private static SourceRef sourceRef(String text) {
    String[] parts = text.split("/", -1);
    if (parts.length != 2
        || !NamespaceNames.isName(parts[0])
        || !SECRET.matcher(parts[1]).matches()
        || parts[1].length() > 253) {
      return null;
    }
    return new SourceRef(parts[0], parts[1]);
  }
}
