package com.tanhdev.pullsecret.admission;

import static net.logstash.logback.argument.StructuredArguments.kv;

import com.tanhdev.pullsecret.lookup.LookupResult;
import com.tanhdev.pullsecret.metrics.WebhookMetrics;
import com.tanhdev.pullsecret.policy.Outcome;
import com.tanhdev.pullsecret.policy.SecretCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the one log line and the metrics for each answered review. Object bodies and secret data
 * are never logged: only names, the decision and the secrets' names.
 */
public final class ReviewRecorder {

  private static final Logger LOG = LoggerFactory.getLogger("pullsecret.admission");

  private final WebhookMetrics metrics;

  public ReviewRecorder(WebhookMetrics metrics) {
    this.metrics = metrics;
  }

  public void record(AdmissionRequest request, ReviewRecord review, long nanos) {
    Outcome outcome = review.outcome();
    metrics.review(request.kind(), request.operation(), outcome.label());
    review.secretsAdded().forEach(metrics::injection);
    String skipReason = skipReason(outcome);
    if (skipReason != null) {
      metrics.skip(skipReason);
    }
    review.secretChecks().forEach(check -> recordProblem(request.namespace(), check));
    if (outcome == Outcome.ERROR) {
      metrics.decisionError();
    }
    if (review.kind() == AnswerKind.IGNORED && !LOG.isDebugEnabled()) {
      return; // requests this webhook does not look at would drown the useful lines
    }
    LOG.info(
        "admission reviewed",
        kv("uid", request.uid()),
        kv("kind", request.kind()),
        kv("namespace", request.namespace()),
        kv("name", request.displayName()),
        kv("operation", request.operation()),
        kv("dryRun", request.dryRun()),
        kv("decision", outcome.label()),
        kv("allowed", review.isAllowed()),
        kv("secrets", review.secretsAdded()),
        kv("warnings", review.warningCount()),
        kv("latencyMicros", nanos / 1_000));
  }

  /**
   * Counts a needed secret that is missing or cannot pull, whatever the policy did about it: under
   * {@code missingSecret: inject} the object is patched, yet its pods will not pull.
   */
  private void recordProblem(String namespace, SecretCheck check) {
    // A secret being provisioned is missing only until its copy lands: no alert for that.
    if (check.isSatisfied() || check.isBeingProvisioned() || check.lookup() == LookupResult.ERROR) {
      return;
    }
    String problem = check.isInvalid() ? check.problem().label() : "secret-missing";
    metrics.secretProblem(namespace, check.secret(), problem);
  }

  private static String skipReason(Outcome outcome) {
    return switch (outcome) {
      case SKIPPED_MISSING_SECRET, DENIED_MISSING_SECRET -> "secret-missing";
      case SKIPPED_INVALID_SECRET, DENIED_INVALID_SECRET -> "secret-invalid";
      case SKIPPED_UNKNOWN_SECRET -> "secret-unknown";
      case OPTED_OUT -> "opted-out";
      case INVALID_POD_SPEC -> "invalid-pod-spec";
      default -> null;
    };
  }
}
