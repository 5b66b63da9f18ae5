package com.tanhdev.pullsecret.provision.queue;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The controller's work queue, as client-go's: a key waits in the queue at most once however often
 * it is added; a key being processed is never handed to a second worker, and if it is added
 * meanwhile it is queued again when {@link #done} is called; failed keys come back after a per-key
 * exponential backoff, which {@link #forget} resets. Informer callbacks only {@link #add}; workers
 * {@link #take}, reconcile and call {@link #done}.
 */
public final class WorkQueue<K> implements AutoCloseable {

  private final Backoff backoff;
  private final ScheduledExecutorService timer;
  private final Set<K> ready = new LinkedHashSet<>();
  private final Set<K> processing = new HashSet<>();
  private final Set<K> addedWhileProcessing = new HashSet<>();
  private final Map<K, Integer> failures = new HashMap<>();
  private boolean closed;

  public WorkQueue(Backoff backoff) {
    this.backoff = backoff;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "work-queue-delays");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Queues {@code key} unless it is already waiting. */
  public synchronized void add(K key) {
    if (closed) {
      return;
    }
    if (processing.contains(key)) {
      addedWhileProcessing.add(key);
    } else if (ready.add(key)) {
      notifyAll();
    }
  }

  /** Queues {@code key} after {@code delay}. */
  public void addAfter(K key, Duration delay) {
    synchronized (this) {
      if (closed) {
        return;
      }
    }
    timer.schedule(() -> add(key), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Queues {@code key} again after its backoff, which doubles with every failure. */
  public void retry(K key) {
    int count;
    synchronized (this) {
      count = failures.merge(key, 1, Integer::sum);
    }
    addAfter(key, backoff.delay(count));
  }

  /** Resets {@code key}'s backoff after a success. */
  public synchronized void forget(K key) {
    failures.remove(key);
  }

  /** How often {@code key} has failed since it last succeeded. */
  public synchronized int failures(K key) {
    return failures.getOrDefault(key, 0);
  }

  /** The next key, waiting for one; null once the queue is closed. */
  public synchronized K take() throws InterruptedException {
    while (ready.isEmpty() && !closed) {
      wait();
    }
    if (closed) {
      return null;
    }
    Iterator<K> first = ready.iterator();
    K key = first.next();
    first.remove();
    processing.add(key);
    return key;
  }

  /** Marks {@code key} processed; queues it again if it was added meanwhile. */
  public synchronized void done(K key) {
    processing.remove(key);
    if (addedWhileProcessing.remove(key) && !closed && ready.add(key)) {
      notifyAll();
    }
  }

  /** Keys waiting (not those being processed or delayed). */
  public synchronized int length() {
    return ready.size();
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      ready.clear();
      notifyAll();
    }
    timer.shutdownNow();
  }
}
