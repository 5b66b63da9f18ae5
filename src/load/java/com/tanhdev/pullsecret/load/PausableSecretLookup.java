package com.tanhdev.pullsecret.load;

import com.tanhdev.pullsecret.lookup.LookupResult;
import com.tanhdev.pullsecret.lookup.SecretLookup;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * A lookup that can be told to hang for a while, standing in for a stalled dependency (a slow live
 * read, a long pause) so the load tests can watch the webhook recover. Unpaused, it costs a clock
 * read per lookup.
 */
final class PausableSecretLookup implements SecretLookup {

  private final SecretLookup delegate;
  private volatile long pausedUntilNanos = System.nanoTime();

  PausableSecretLookup(SecretLookup delegate) {
    this.delegate = delegate;
  }

  /** Every lookup that starts in the next {@code pause} waits until the pause is over. */
  void pauseFor(Duration pause) {
    pausedUntilNanos = System.nanoTime() + pause.toNanos();
  }

  @Override
  public LookupResult find(String namespace, String secretName) {
    waitOutThePause();
    return delegate.find(namespace, secretName);
  }

  @Override
  public boolean isSynced() {
    return delegate.isSynced();
  }

  private void waitOutThePause() {
    long remaining = pausedUntilNanos - System.nanoTime();
    while (remaining > 0) {
      LockSupport.parkNanos(remaining);
      remaining = pausedUntilNanos - System.nanoTime();
    }
  }
}
