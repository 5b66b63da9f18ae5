package com.tanhdev.pullsecret.http;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A warning logged at most every 10 s with the count so far: the events it reports (refused
 * connections, deadlines, memory refusals) come in floods, and a log line each would make the
 * logging the overload.
 */
final class ThrottledWarning {

  private static final long EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final Logger log;
  private final String event;
  private final AtomicLong count = new AtomicLong();
  private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - EVERY_NANOS);

  ThrottledWarning(Class<?> source, String event) {
    this.log = LoggerFactory.getLogger(source);
    this.event = event;
  }

  void warn(String detail) {
    long total = count.incrementAndGet();
    long now = System.nanoTime();
    long last = lastLogged.get();
    if (now - last >= EVERY_NANOS && lastLogged.compareAndSet(last, now)) {
      log.warn("{} ({} so far; {})", event, total, detail);
    }
  }
}
