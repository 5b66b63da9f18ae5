package com.tanhdev.pullsecret.provision.controller;

import static net.logstash.logback.argument.StructuredArguments.kv;

import com.tanhdev.pullsecret.metrics.ProvisioningMetrics;
import com.tanhdev.pullsecret.provision.CopyPlan;
import com.tanhdev.pullsecret.provision.CopyState;
import com.tanhdev.pullsecret.provision.FanOutStatus;
import com.tanhdev.pullsecret.provision.ObservedCopy;
import com.tanhdev.pullsecret.provision.ProvisionedSecret;
import com.tanhdev.pullsecret.provision.SourceState;
import com.tanhdev.pullsecret.provision.SourceValidation;
import com.tanhdev.pullsecret.provision.cluster.CopyWriter;
import com.tanhdev.pullsecret.provision.cluster.CopyWriter.WriteFailure;
import com.tanhdev.pullsecret.provision.cluster.ProvisioningCache;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reconcile of one (secret, namespace) pair: read the caches, plan, perform the one write, and
 * record the outcome. One log line per change (a write, a new conflict, a source turning bad or
 * good), none for a pair found in sync.
 */
final class CopyReconciler {

  private static final Logger LOG = LoggerFactory.getLogger(CopyReconciler.class);

  private final ProvisioningCache cache;
  private final CopyWriter writer;
  private final SourceValidation validation;
  private final FanOutStatus status;
  private final ProvisioningMetrics metrics;
  private final Supplier<ProvisioningPlan> plan;
  private final Clock clock;

  CopyReconciler(
      ProvisioningCache cache,
      CopyWriter writer,
      SourceValidation validation,
      FanOutStatus status,
      ProvisioningMetrics metrics,
      Supplier<ProvisioningPlan> plan,
      Clock clock) {
    this.cache = cache;
    this.writer = writer;
    this.validation = validation;
    this.status = status;
    this.metrics = metrics;
    this.plan = plan;
    this.clock = clock;
  }

  /**
   * @throws WriteFailure when the write was refused; the caller retries with backoff
   */
  void reconcile(CopyKey key) {
    ProvisioningPlan current = plan.get();
    ProvisionedSecret secret = current.secrets().get(key.secret());
    if (secret == null) {
      return; // no longer provisioned: what exists is left as it is
    }
    SourceState source = validation.judge(secret, cache.source(secret.source()));
    noteSource(secret, source);
    ObservedCopy copy = cache.copy(secret.secret(), key.namespace());
    CopyPlan decided =
        current.planner().plan(secret, cache.namespace(key.namespace()), source, copy);
    try {
      writer.apply(decided, secret, key.namespace(), source.content(), copy);
    } catch (WriteFailure failure) {
      if (!failure.isConflict()) {
        metrics.reconcileError(secret.secret());
        if (status.record(secret.secret(), key.namespace(), CopyState.FAILED) != CopyState.FAILED) {
          LOG.warn(
              "copy not written, retrying with backoff",
              kv("secret", secret.secret()),
              kv("namespace", key.namespace()),
              kv("action", label(decided.action())),
              kv("error", failure.getMessage()));
        }
      }
      throw failure;
    }
    CopyState after =
        decided.writes() && decided.action() != CopyPlan.Action.DELETE
            ? CopyState.IN_SYNC
            : decided.state();
    CopyState before = status.record(secret.secret(), key.namespace(), after);
    status.synced(secret.secret(), clock.instant());
    if (decided.writes()) {
      LOG.info(
          "copy " + pastTense(decided.action()),
          kv("secret", secret.secret()),
          kv("namespace", key.namespace()),
          kv("source", secret.source().toString()),
          kv("action", label(decided.action())),
          kv("reason", decided.reason()));
    } else if (after == CopyState.CONFLICTED && before != CopyState.CONFLICTED) {
      LOG.warn(
          "copy not made: conflict",
          kv("secret", secret.secret()),
          kv("namespace", key.namespace()),
          kv("source", secret.source().toString()),
          kv("reason", decided.reason()));
    }
  }

  private void noteSource(ProvisionedSecret secret, SourceState source) {
    String before = status.source(secret.secret(), source);
    if (source.problem() != null && !source.problem().equals(before)) {
      LOG.warn(
          "source cannot be copied",
          kv("secret", secret.secret()),
          kv("source", secret.source().toString()),
          kv("reason", source.problem()));
    } else if (before != null && source.problem() == null) {
      LOG.info(
          "source can be copied again",
          kv("secret", secret.secret()),
          kv("source", secret.source().toString()));
    }
  }

  private static String label(CopyPlan.Action action) {
    return action.name().toLowerCase(Locale.ROOT);
  }

  private static String pastTense(CopyPlan.Action action) {
    return switch (action) {
      case CREATE -> "created";
      case UPDATE -> "updated";
      case ADOPT -> "adopted";
      case DELETE -> "deleted";
      case NOTHING -> "unchanged";
    };
  }
}
