package com.tanhdev.pullsecret.tls.selfmanaged;

import java.time.Duration;
import java.util.function.Supplier;

/** A value read again only once it is older than the lag, as a watch cache trails its source. */
final class LaggingView<T> {

  private final Supplier<T> source;
  private final long lagNanos;
  private T value;
  private long readAtNanos;

  LaggingView(Supplier<T> source, Duration lag) {
    this.source = source;
    this.lagNanos = lag.toNanos();
  }

  T get() {
    long now = System.nanoTime();
    if (value == null || now - readAtNanos >= lagNanos) {
      value = source.get();
      readAtNanos = now;
    }
    return value;
  }
}
