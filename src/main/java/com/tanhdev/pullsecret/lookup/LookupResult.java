package com.tanhdev.pullsecret.lookup;

/** How a secret lookup ended; the metric label is the lower-case name. */
public enum LookupResult {
  /** Found in the informer cache. */
  CACHE_HIT,
  /** Not in the cache, but a live read found it (created a moment ago). */
  LIVE_HIT,
  /** Neither the cache nor the live read knows it. */
  MISS,
  /** The live read failed or timed out: existence is unknown. */
  ERROR;

  public boolean isPresent() {
    return this == CACHE_HIT || this == LIVE_HIT;
  }

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
