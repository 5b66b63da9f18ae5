package com.tanhdev.pullsecret.kube;

import java.util.function.Supplier;

/**
 * The control plane's kube-apiserver, which a test may stop and start again: each start runs the
 * same command line, so the new process serves the same port from the same etcd.
 */
final class ApiServerProcess implements AutoCloseable {

  private final Supplier<SupervisedProcess> starter;
  private volatile SupervisedProcess current;

  private ApiServerProcess(Supplier<SupervisedProcess> starter) {
    this.starter = starter;
    this.current = starter.get();
  }

  static ApiServerProcess start(Supplier<SupervisedProcess> starter) {
    return new ApiServerProcess(starter);
  }

  /** Stops the running process (SIGTERM, SIGKILL if it lingers) and starts a new one. */
  synchronized void restart() {
    current.close();
    current = starter.get();
  }

  boolean isAlive() {
    return current.isAlive();
  }

  String logTail(int lineCount) {
    return current.logTail(lineCount);
  }

  @Override
  public synchronized void close() {
    current.close();
  }
}
