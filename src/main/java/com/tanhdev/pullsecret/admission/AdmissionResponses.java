package com.tanhdev.pullsecret.admission;

import com.tanhdev.pullsecret.policy.InjectionDecision;
import com.tanhdev.pullsecret.policy.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;

/**
 * The one place answers are built, one method per {@link AnswerKind}, each with warnings and audit
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
  public static Answer ignored(String uid) {
    return answer(
        AnswerKind.IGNORED,
        new AdmissionResponse(uid, true, null, List.of(), Map.of(), null),
        InjectionDecision.unchanged(Outcome.NOT_HANDLED, List.of()),
        List.of());
  }

  /** Allowed without a patch; the decision's outcome recorded, its warnings passed on. */
  public static Answer unchanged(String uid, InjectionDecision decision) {
    return answer(
        AnswerKind.UNCHANGED,
        new AdmissionResponse(
            uid, true, null, bounded(decision.warnings()), annotations(decision, false), null),
        decision,
        List.of());
  }

  /** Allowed with the patch that adds the decision's secrets. */
  public static Answer patched(String uid, InjectionDecision decision, ArrayNode patch) {
    return answer(
        AnswerKind.PATCHED,
        new AdmissionResponse(
            uid, true, patch, bounded(decision.warnings()), annotations(decision, false), null),
        decision,
        decision.secretsToAdd());
  }

  /** Report mode: allowed, never patched, and what enforcing would have done said first. */
  public static Answer reported(String uid, InjectionDecision decision) {
    List<String> warnings = new ArrayList<>(decision.warnings());
    if (!decision.secretsToAdd().isEmpty()) {
      warnings.add(0, "report mode: would add " + String.join(", ", decision.secretsToAdd()));
    }
    if (decision.isDenied()) {
      warnings.add(0, "report mode: would deny: " + decision.denyMessage());
    }
    return answer(
        AnswerKind.REPORTED,
        new AdmissionResponse(
            uid, true, null, bounded(warnings), annotations(decision, true), null),
        decision,
        List.of());
  }

  /** Rejected with the decision's message. */
  public static Answer denied(String uid, InjectionDecision decision) {
    return answer(
        AnswerKind.DENIED,
        new AdmissionResponse(
            uid,
            false,
            null,
            bounded(decision.warnings()),
            annotations(decision, false),
            WARNING_PREFIX + decision.denyMessage()),
        decision,
        List.of());
  }

  private static Answer answer(
      AnswerKind kind,
      AdmissionResponse response,
      InjectionDecision decision,
      List<String> secretsAdded) {
    return new Answer(
        response,
        new ReviewRecord(
            kind, decision.outcome(), secretsAdded, response.warnings().size(), decision.checks()));
  }

  /** The decision, the secrets it names and, in report mode, that it was not applied. */
  private static Map<String, String> annotations(InjectionDecision decision, boolean reported) {
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put("decision", decision.outcome().label());
    if (!decision.secretsToAdd().isEmpty()) {
      annotations.put("secrets", String.join(",", decision.secretsToAdd()));
    }
    if (reported) {
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
