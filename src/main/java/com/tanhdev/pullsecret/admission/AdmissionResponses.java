package com.tanhdev.pullsecret.admission;

import com.tanhdev.pullsecret.policy.InjectionDecision;
import com.tanhdev.pullsecret.policy.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;

/**
 * The one place answers are built: allowed, patched or denied, each with warnings and audit
 * annotations. Audit annotation keys carry no prefix because the API server prefixes them with the
 * webhook's name ({@code pullsecret.tanhdev.com/decision}).
 */
public final class AdmissionResponses {

  /** Every warning starts with this, so users can tell whose warning it is. */
  static final String WARNING_PREFIX = "pullsecret-webhook: ";

  /**
   * Warnings echo user-controlled strings (image names); bounding their number and length ({@link
   * WarningText}) bounds the response, whatever the object holds.
   */
  private static final int MAX_WARNINGS = 10;

  private AdmissionResponses() {}

  /** Allowed, unchanged, no annotations: for requests this webhook does not look at. */
  public static AdmissionResponse ignored(String uid) {
    return new AdmissionResponse(
        uid, true, null, List.of(), Map.of(), null, Outcome.NOT_HANDLED, List.of(), List.of());
  }

  /** Allowed, unchanged, with the outcome recorded and the warnings passed on. */
  public static AdmissionResponse unchanged(String uid, Outcome outcome, List<String> warnings) {
    return new AdmissionResponse(
        uid,
        true,
        null,
        bounded(warnings),
        annotations(outcome, List.of(), false),
        null,
        outcome,
        List.of(),
        List.of());
  }

  /** Allowed, with the decision's patch (possibly empty) and warnings. */
  public static AdmissionResponse decided(
      String uid, InjectionDecision decision, ArrayNode patch, boolean reportOnly) {
    List<String> warnings = new ArrayList<>(decision.warnings());
    if (reportOnly && !decision.secretsToAdd().isEmpty()) {
      warnings.add(0, "report mode: would add " + String.join(", ", decision.secretsToAdd()));
    }
    if (reportOnly && decision.isDenied()) {
      warnings.add(0, "report mode: would deny: " + decision.denyMessage());
    }
    return new AdmissionResponse(
        uid,
        true,
        reportOnly ? null : patch,
        bounded(warnings),
        annotations(decision.outcome(), decision.secretsToAdd(), reportOnly),
        null,
        decision.outcome(),
        reportOnly ? List.of() : decision.secretsToAdd(),
        decision.checks());
  }

  /** Rejected with the decision's message; report mode never gets here. */
  public static AdmissionResponse denied(String uid, InjectionDecision decision) {
    return new AdmissionResponse(
        uid,
        false,
        null,
        bounded(decision.warnings()),
        annotations(decision.outcome(), List.of(), false),
        WARNING_PREFIX + decision.denyMessage(),
        decision.outcome(),
        List.of(),
        decision.checks());
  }

  private static Map<String, String> annotations(
      Outcome outcome, List<String> secrets, boolean reportOnly) {
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put("decision", outcome.label());
    if (!secrets.isEmpty()) {
      annotations.put("secrets", String.join(",", secrets));
    }
    if (reportOnly) {
      annotations.put("mode", "report");
    }
    return annotations;
  }

  /** Image strings are user input: control characters must not reach terminals or logs. */
  private static String printable(String text) {
    StringBuilder clean = new StringBuilder(text.length());
    text.codePoints().forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return clean.toString();
  }

  private static List<String> bounded(List<String> warnings) {
    List<String> result = new ArrayList<>();
    for (String warning : warnings) {
      if (result.size() == MAX_WARNINGS) {
        break;
      }
      result.add(WarningText.fit(WARNING_PREFIX + printable(warning)));
    }
    return result;
  }
}
