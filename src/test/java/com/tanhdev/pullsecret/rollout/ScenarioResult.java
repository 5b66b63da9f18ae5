package com.tanhdev.pullsecret.rollout;

import java.util.Map;

/**
 * The figures of one scenario: creates made while it ran, how they ended, their latency (p50 and
 * p99, in milliseconds) and what the webhook added to the API server's own p99; {@code extra} holds
 * figures particular to the scenario.
 */
record ScenarioResult(
    String name,
    int calls,
    int injected,
    int failedAdmissions,
    int storedWithoutSecret,
    int apiServerUnavailable,
    double p50Millis,
    double p99Millis,
    double addedP99Millis,
    Map<String, Double> extra,
    Map<String, Integer> failureMessages) {}
