package com.tanhdev.pullsecret.load;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A thread per task, the way kube-apiserver runs a goroutine per call and per dial: virtual threads
 * where the JDK has them (21 and later), scheduled on one carrier per core as goroutines are on
 * GOMAXPROCS threads. Platform threads instead would let an overloaded run start thousands of
 * runnable threads whose scheduling, not the server, would use up the machine.
 */
final class LightThreads {

  private static final int MAX_PLATFORM_THREADS = 8_000;
  private static final long PLATFORM_STACK_BYTES = 256 * 1024;

  private LightThreads() {}

  static ExecutorService perTask(String name) {
    try {
      return (ExecutorService)
          Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    } catch (ReflectiveOperationException e) {
      return platformThreads(name);
    }
  }

  static boolean virtual() {
    try {
      Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static ExecutorService platformThreads(String name) {
    AtomicInteger number = new AtomicInteger();
    return new ThreadPoolExecutor(
        0,
        MAX_PLATFORM_THREADS,
        30,
        TimeUnit.SECONDS,
        new SynchronousQueue<>(),
        task -> {
          Thread thread =
              new Thread(null, task, name + "-" + number.incrementAndGet(), PLATFORM_STACK_BYTES);
          thread.setDaemon(true);
          return thread;
        });
  }
}
