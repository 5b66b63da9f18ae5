package com.tanhdev.pullsecret.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repeats a step in batches before the webhook reports ready, until the JIT has compiled it: the
 * batches stop getting faster, or the count or time budget runs out. A new pod gets its first calls
 * all at once, and in a fresh JVM the same work runs interpreted, several times slower; the calls
 * that back up make the API server dial more connections, whose handshakes are the most expensive
 * of that work. In a JVM that already ran the code (tests), this stops after a few batches.
 */
final class JitWarmUp {

  /** A batch this much faster than the fastest before it means the JIT still has work to do. */
  private static final double STILL_IMPROVING = 0.9;

  /** Batches in a row that did not improve before the code counts as compiled. */
  private static final int SETTLED_AFTER = 3;

  private static final Logger LOG = LoggerFactory.getLogger(JitWarmUp.class);

  /** One unit of work to warm up. */
  @FunctionalInterface
  interface Step {
    void run() throws Exception;
  }

  private JitWarmUp() {}

  static void repeat(String what, Step step, int batchSize, int maxSteps, long budgetMillis) {
    long start = System.nanoTime();
    long deadline = start + budgetMillis * 1_000_000;
    long fastest = Long.MAX_VALUE;
    int unimproved = 0;
    int done = 0;
    try {
      while (done < maxSteps && System.nanoTime() < deadline) {
        long batchStart = System.nanoTime();
        for (int i = 0; i < batchSize; i++) {
          step.run();
        }
        done += batchSize;
        long batch = System.nanoTime() - batchStart;
        if (batch < STILL_IMPROVING * fastest) {
          unimproved = 0;
        } else if (++unimproved == SETTLED_AFTER) {
          break;
        }
        fastest = Math.min(fastest, batch);
      }
    } catch (Exception e) {
      LOG.warn("{} warm-up stopped after {}: {}", what, done, e.toString());
      return;
    }
    LOG.info("{} warm-up: {} in {} ms", what, done, (System.nanoTime() - start) / 1_000_000);
  }
}
