package com.tanhdev.pullsecret.provision.controller;

import com.tanhdev.pullsecret.provision.FanOutStatus;
import com.tanhdev.pullsecret.provision.FanOutSummary;
import com.tanhdev.pullsecret.provision.ProvisionedSecret;
import com.tanhdev.pullsecret.provision.cluster.ProvisioningCache;
import com.tanhdev.pullsecret.provision.cluster.SourceEvents;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Turns the fan-out status into Events on each source, at most one per check and only when the
 * summary changed and no write is in flight: a rotation across 1,000 namespaces makes one Event
 * ("in sync in 1000 of 1000"), not 1,000, and a quiet resync makes none.
 */
final class FanOutReporter {

  private final FanOutStatus status;
  private final SourceEvents events;
  private final ProvisioningCache cache;
  private final Supplier<ProvisioningPlan> plan;
  private final Map<String, FanOutSummary> lastPosted = new ConcurrentHashMap<>();

  FanOutReporter(
      FanOutStatus status,
      SourceEvents events,
      ProvisioningCache cache,
      Supplier<ProvisioningPlan> plan) {
    this.status = status;
    this.events = events;
    this.cache = cache;
    this.plan = plan;
  }

  /** Called on a timer, on the leader only. */
  void check() {
    for (ProvisionedSecret secret : plan.get().secrets().values()) {
      FanOutSummary summary = status.summary(secret.secret());
      if (summary.isSettling() || summary.equals(lastPosted.get(secret.secret()))) {
        continue;
      }
      if (summary.selected() == 0 && summary.sourceProblem() == null) {
        continue; // nothing decided yet (or nothing selected): nothing worth a line
      }
      lastPosted.put(secret.secret(), summary);
      events.post(secret.source(), cache.source(secret.source()), summary);
    }
  }

  /** A new leader reports its own view once. */
  void reset() {
    lastPosted.clear();
  }
}
