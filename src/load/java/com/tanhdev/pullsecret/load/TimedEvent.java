package com.tanhdev.pullsecret.load;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Something done to the server at a moment of a run (a stall, a freeze), on its own thread.
 *
 * @param name what the report calls it
 * @param at offset from the start of the run
 * @param action what to do
 */
record TimedEvent(String name, Duration at, Runnable action) {

  Thread startAfter(long runStartNanos) {
    Thread thread =
        new Thread(
            () -> {
              long due = runStartNanos + at.toNanos();
              for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
              }
              action.run();
            },
            "event-" + name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
