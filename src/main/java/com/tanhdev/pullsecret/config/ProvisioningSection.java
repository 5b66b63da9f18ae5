package com.tanhdev.pullsecret.config;

import com.tanhdev.pullsecret.config.RulesSection.ParsedRule;
import com.tanhdev.pullsecret.provision.BoundedNameMatch;
import com.tanhdev.pullsecret.provision.LabelRequirement;
import com.tanhdev.pullsecret.provision.LabelRequirement.Operator;
import com.tanhdev.pullsecret.provision.LabelSelector;
import com.tanhdev.pullsecret.provision.NamespaceSelection;
import com.tanhdev.pullsecret.provision.ProvisionedSecret;
import com.tanhdev.pullsecret.provision.ProvisioningSettings;
import com.tanhdev.pullsecret.provision.SourceRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Parses {@code provisioning:} and groups the rules' sources by secret name. */
final class ProvisioningSection {

  private static final Set<String> KEYS =
      Set.of("namespaces", "adoptExisting", "deleteCopiesWithSource", "leaseName");
  private static final Set<String> NAMESPACES_KEYS = Set.of("selector", "namePattern", "exclude");
  private static final Set<String> SELECTOR_KEYS = Set.of("matchLabels", "matchExpressions");
  private static final Set<String> EXPRESSION_KEYS = Set.of("key", "operator", "values");

  ProvisioningSettings parse(ConfigNode top, List<ParsedRule> rules) {
    ConfigNode section = top.objectOrEmpty("provisioning");
    section.rejectUnknownKeys(KEYS);
    String leaseName = section.string("leaseName", ProvisioningSettings.DEFAULT_LEASE_NAME);
    if (!NamespaceNames.isName(leaseName)) {
      section.problem("leaseName", "must be a Lease name (DNS label), got \"" + leaseName + "\"");
    }
    return new ProvisioningSettings(
        secrets(top, rules),
        namespaces(section.objectOrEmpty("namespaces")),
        section.bool("adoptExisting", false),
        section.bool("deleteCopiesWithSource", false),
        leaseName);
  }

  /**
   * One entry per secret some rule gives a source. Every rule for that secret must name the same
   * source: the copies are one Secret per namespace, and they cannot come from two places.
   */
  private static List<ProvisionedSecret> secrets(ConfigNode top, List<ParsedRule> rules) {
    Map<String, ParsedRule> firstBySecret = new LinkedHashMap<>();
    Map<String, Set<String>> registries = new LinkedHashMap<>();
    for (ParsedRule parsed : rules) {
      String secret = parsed.rule().secret();
      registries.computeIfAbsent(secret, s -> new LinkedHashSet<>()).add(parsed.rule().registry());
      ParsedRule first = firstBySecret.putIfAbsent(secret, parsed);
      if (first != null && !sameSource(first.source(), parsed.source())) {
        top.problem(
            parsed.path() + ".source",
            "secret "
                + secret
                + " is provisioned from "
                + describe(first.source())
                + " by "
                + first.path()
                + "; every rule for one secret must name the same source, got "
                + describe(parsed.source()));
      }
    }
    List<ProvisionedSecret> secrets = new ArrayList<>();
    firstBySecret.forEach(
        (secret, first) -> {
          if (first.source() != null) {
            secrets.add(new ProvisionedSecret(secret, first.source(), registries.get(secret)));
          }
        });
    return secrets;
  }

  private static boolean sameSource(SourceRef a, SourceRef b) {
    return a == null ? b == null : a.equals(b);
  }

  private static String describe(SourceRef source) {
    return source == null ? "no source" : "\"" + source + "\"";
  }

  private static NamespaceSelection namespaces(ConfigNode namespaces) {
    namespaces.rejectUnknownKeys(NAMESPACES_KEYS);
    LabelSelector selector = selector(namespaces.objectOrEmpty("selector"));
    String regex = namespaces.string("namePattern", "");
    Pattern pattern = null;
    if (!regex.isEmpty()) {
      try {
        pattern = Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        namespaces.problem(
            "namePattern", "is not a Java regular expression: " + e.getDescription());
      }
      if (pattern != null && !BoundedNameMatch.isAffordable(pattern)) {
        namespaces.problem(
            "namePattern",
            "backtracks too much to match a 63-character namespace name (nested or repeated"
                + " wildcards such as (.*a){12}); simplify it, got \""
                + regex
                + "\"");
        pattern = null;
      }
    }
    Set<String> excluded =
        namespaces.has("exclude")
            ? new HashSet<>(new NamespaceNames().parse(namespaces, "exclude"))
            : Set.copyOf(ProvisioningSettings.DEFAULT_EXCLUDED);
    return new NamespaceSelection(selector, pattern, excluded);
  }

  private static LabelSelector selector(ConfigNode selector) {
    selector.rejectUnknownKeys(SELECTOR_KEYS);
    Map<String, String> matchLabels = new LinkedHashMap<>();
    ConfigNode labels = selector.object("matchLabels");
    if (labels != null) {
      for (String key : labels.keys()) {
        matchLabels.put(key, labels.string(key, ""));
      }
    }
    List<LabelRequirement> expressions = new ArrayList<>();
    selector.eachObject(
        "matchExpressions",
        expression -> {
          expression.rejectUnknownKeys(EXPRESSION_KEYS);
          String key = expression.string("key", "");
          Operator operator = operator(expression);
          List<String> values = expression.has("values") ? expression.strings("values") : List.of();
          if (key.isEmpty()) {
            expression.problem("key", "is required");
          }
          if (operator == null) {
            return;
          }
          boolean needsValues = operator == Operator.IN || operator == Operator.NOT_IN;
          if (needsValues == values.isEmpty()) {
            expression.problem(
                "values",
                needsValues
                    ? "must list at least one value for In and NotIn"
                    : "must be empty for Exists and DoesNotExist");
          }
          expressions.add(new LabelRequirement(key, operator, Set.copyOf(values)));
        });
    return new LabelSelector(matchLabels, expressions);
  }

  private static Operator operator(ConfigNode expression) {
    String text = expression.string("operator", "");
    return switch (text) {
      case "In" -> Operator.IN;
      case "NotIn" -> Operator.NOT_IN;
      case "Exists" -> Operator.EXISTS;
      case "DoesNotExist" -> Operator.DOES_NOT_EXIST;
      default -> {
        expression.problem(
            "operator", "must be one of In, NotIn, Exists, DoesNotExist, got \"" + text + "\"");
        yield null;
      }
    };
  }
}
