package com.tanhdev.pullsecret.provision.queue;

import java.time.Duration;

/**
 * Per-key exponential backoff: the first retry after {@code base}, doubling up to {@code max}. A
 * failing namespace then costs the API server little, while the others go on at full speed.
 */
public record Backoff(Duration base, Duration max) {

  public Backoff {
    if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("need 0 < base <= max, got " + base + ", " + max);
    }
  }

  /** The wait before retry number {@code failures} (1 for the first). */
  public Duration delay(int failures) {
    int doublings = Math.max(0, Math.min(failures - 1, 30));
    long millis = base.toMillis() << doublings;
    return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
  }
}
