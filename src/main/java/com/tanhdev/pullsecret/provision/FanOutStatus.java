package com.tanhdev.pullsecret.provision;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last decided state of every (rule secret, namespace) pair, and of each source: what the
 * metrics count and the source's Events summarise. Written by the workers, read by scrapes.
 */
public final class FanOutStatus {

  private final Map<String, Map<String, CopyState>> copies = new ConcurrentHashMap<>();
  private final Map<String, String> sourceProblems = new ConcurrentHashMap<>();
  private final Map<String, Instant> lastSync = new ConcurrentHashMap<>();

  /** Records the pair's state; returns the previous one (null when first seen). */
  public CopyState record(String secret, String namespace, CopyState state) {
    Map<String, CopyState> states = copies.computeIfAbsent(secret, s -> new ConcurrentHashMap<>());
    return state == CopyState.NOT_SELECTED
        ? states.remove(namespace)
        : states.put(namespace, state);
  }

  /** Records the source's state; returns the problem recorded before (null: none). */
  public String source(String secret, SourceState source) {
    return source.problem() == null
        ? sourceProblems.remove(secret)
        : sourceProblems.put(secret, source.problem());
  }

  public void synced(String secret, Instant at) {
    lastSync.put(secret, at);
  }

  public boolean isSourceValid(String secret) {
    return !sourceProblems.containsKey(secret);
  }

  /** Seconds since the epoch of the last reconcile of this secret that succeeded; 0 before. */
  public long lastSyncSeconds(String secret) {
    Instant at = lastSync.get(secret);
    return at == null ? 0 : at.getEpochSecond();
  }

  /** Pairs in {@code state}; {@link CopyState#NOT_SELECTED} is not counted (it is not kept). */
  public int count(String secret, CopyState state) {
    return (int)
        copies.getOrDefault(secret, Map.of()).values().stream().filter(s -> s == state).count();
  }

  /** Selected pairs: every pair whose namespace should hold a copy. */
  public int selected(String secret) {
    return copies.getOrDefault(secret, Map.of()).size();
  }

  /** Forgets every pair of a rule secret that is no longer provisioned. */
  public void forget(String secret) {
    copies.remove(secret);
    sourceProblems.remove(secret);
    lastSync.remove(secret);
  }

  public FanOutSummary summary(String secret) {
    Map<String, CopyState> states = copies.getOrDefault(secret, Map.of());
    var conflicted =
        states.entrySet().stream()
            .filter(entry -> entry.getValue() == CopyState.CONFLICTED)
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    return new FanOutSummary(
        sourceProblems.get(secret),
        states.size(),
        count(secret, CopyState.IN_SYNC),
        conflicted.size(),
        conflicted.subList(0, Math.min(FanOutSummary.NAMES_SHOWN, conflicted.size())),
        count(secret, CopyState.FAILED),
        count(secret, CopyState.OUT_OF_SYNC));
  }
}
