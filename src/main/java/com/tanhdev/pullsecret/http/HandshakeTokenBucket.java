package com.tanhdev.pullsecret.http;

import java.util.function.LongSupplier;

/**
 * A token bucket for TLS handshakes: {@code burst} at once, refilled at {@code perSecond}. Tokens
 * refill with time alone, so a client that connects and never finishes its handshake holds no
 * token: it cannot lock the next connections out.
 */
final class HandshakeTokenBucket {

  /** Tokens are counted in billionths, so that a nanosecond refills a whole number of them. */
  private static final long UNITS_PER_TOKEN = 1_000_000_000L;

  private final long fullUnits;
  private final long unitsPerNano;
  private final LongSupplier nanoClock;
  private long units;
  private long lastRefill;

  HandshakeTokenBucket(long burst, long perSecond, LongSupplier nanoClock) {
    if (burst < 1 || perSecond < 1) {
      throw new IllegalArgumentException("burst and rate must be at least 1");
    }
    this.fullUnits = burst * UNITS_PER_TOKEN;
    this.unitsPerNano = perSecond;
    this.nanoClock = nanoClock;
    this.units = fullUnits;
    this.lastRefill = nanoClock.getAsLong();
  }

  /** Takes a token if one is left. */
  synchronized boolean tryTake() {
    long now = nanoClock.getAsLong();
    long elapsed = Math.min(now - lastRefill, fullUnits / unitsPerNano + 1); // no overflow
    units = Math.min(fullUnits, units + elapsed * unitsPerNano);
    lastRefill = now;
    if (units < UNITS_PER_TOKEN) {
      return false;
    }
    units -= UNITS_PER_TOKEN;
    return true;
  }
}
