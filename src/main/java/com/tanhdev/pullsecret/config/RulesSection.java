package com.tanhdev.pullsecret.config;

import com.tanhdev.pullsecret.policy.RegistryRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Parses {@code rules}: registry host[:port] to secret name. */
final class RulesSection {

  private static final Set<String> RULE_KEYS = Set.of("registry", "secret");

  // The domain grammar of image references: dot-separated components, optional port.
  private static final Pattern REGISTRY =
      Pattern.compile(
          "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*(?::[0-9]{1,5})?");

  // Secret names are DNS-1123 subdomains.
  private static final Pattern SECRET =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  List<RegistryRule> parse(ConfigNode top) {
    List<RegistryRule> rules = new ArrayList<>();
    top.eachObject(
        "rules",
        rule -> {
          rule.rejectUnknownKeys(RULE_KEYS);
          String registry = rule.string("registry", "");
          String secret = rule.string("secret", "");
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
          if (valid) {
            rules.add(new RegistryRule(registry, secret));
          }
        });
    if (rules.isEmpty()) {
      top.problem("rules", "at least one rule is needed, or the webhook has nothing to do");
    }
    return rules;
  }
}
