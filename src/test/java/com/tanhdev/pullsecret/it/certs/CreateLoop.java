package com.tanhdev.pullsecret.it.certs;

import com.tanhdev.pullsecret.kube.ApiAnswer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Creates pods through the API server one after another on its own thread, the way a busy cluster
 * does during a certificate change, and keeps every create that did not come back with the pull
 * secret. It stops when told to, or at a bound on count and time so that a hung test still ends.
 */
final class CreateLoop implements AutoCloseable {

  private static final int MAX_PODS = 5_000;
  private static final Duration MAX_TIME = Duration.ofSeconds(60);
  private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(40);

  private final Supplier<ApiAnswer> create;
  private final Thread thread;
  private final AtomicBoolean stopRequested = new AtomicBoolean();
  private final AtomicInteger admitted = new AtomicInteger();
  private final List<String> failures = new CopyOnWriteArrayList<>();

  private CreateLoop(Supplier<ApiAnswer> create) {
    this.create = create;
    this.thread = new Thread(this::run, "create-loop");
    thread.setDaemon(true);
  }

  static CreateLoop start(Supplier<ApiAnswer> create) {
    CreateLoop loop = new CreateLoop(create);
    loop.thread.start();
    return loop;
  }

  /** Pods created and stored with the pull secret so far. */
  int admitted() {
    return admitted.get();
  }

  /** One line per create that failed or came back without the pull secret. */
  List<String> failures() {
    return List.copyOf(failures);
  }

  boolean isRunning() {
    return thread.isAlive();
  }

  /** Asks the loop to stop and waits for the create in flight. */
  void stop() {
    stopRequested.set(true);
    try {
      thread.join(JOIN_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
  }

  private void run() {
    long deadline = System.nanoTime() + MAX_TIME.toNanos();
    for (int i = 0; i < MAX_PODS && !stopRequested.get() && System.nanoTime() < deadline; i++) {
      try {
        ApiAnswer answer = create.get();
        if (WebhookScenario.isInjected(answer)) {
          admitted.incrementAndGet();
        } else {
          failures.add("create #" + (i + 1) + ": " + answer);
        }
      } catch (RuntimeException e) {
        failures.add("create #" + (i + 1) + ": " + e);
      }
    }
  }
}
