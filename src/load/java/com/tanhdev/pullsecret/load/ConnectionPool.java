package com.tanhdev.pullsecret.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Connections the way Go's {@code http.Transport} keeps them for kube-apiserver's webhook client. A
 * request takes the most recently used idle connection; when none is idle it starts dialling a new
 * one and takes whichever comes first, a connection another request gives back or its own dial. A
 * dial that finishes after its request was served goes to the longest-waiting request, else to the
 * idle list, else (with {@code maxIdle} already idle: 25 for the API server) it is closed. Nothing
 * caps the number of open connections.
 */
final class ConnectionPool implements AutoCloseable {

  /** kube-apiserver's {@code MaxIdleConnsPerHost} for webhook clients. */
  static final int API_SERVER_MAX_IDLE = 25;

  /** Go's {@code TLSHandshakeTimeout} in the API server's transport. */
  private static final int DIAL_TIMEOUT_MILLIS = 10_000;

  private final TlsClient tls;
  private final InetSocketAddress server;
  private final int maxIdle;
  private final Deque<HttpsConnection> idle = new ArrayDeque<>(); // guarded by this
  private final Deque<CompletableFuture<HttpsConnection>> waiting = new ArrayDeque<>(); // ditto
  private final AtomicLong dialed = new AtomicLong();
  private final AtomicLong open = new AtomicLong();
  private final AtomicLong mostOpen = new AtomicLong();
  private final ExecutorService dialers = LightThreads.perTask("dialer");

  /** {@code maxIdle} 0 makes every request dial, to measure what a connection costs. */
  ConnectionPool(TlsClient tls, InetSocketAddress server, int maxIdle) {
    this.tls = tls;
    this.server = server;
    this.maxIdle = maxIdle;
  }

  /** A connection for one exchange; the caller gives it back or discards it. */
  HttpsConnection take(long timeoutNanos) throws IOException {
    CompletableFuture<HttpsConnection> wanted = new CompletableFuture<>();
    synchronized (this) {
      HttpsConnection recent = idle.pollLast();
      if (recent != null) {
        return recent;
      }
      waiting.addLast(wanted);
    }
    dialFor(wanted);
    try {
      return wanted.get(timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      giveUp(wanted);
      throw new SocketTimeoutException("no connection before the webhook timeout");
    } catch (ExecutionException e) {
      giveUp(wanted);
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      giveUp(wanted);
      throw new IOException("interrupted", e);
    }
  }

  void giveBack(HttpsConnection connection) {
    if (connection.isReusable() && maxIdle > 0) {
      place(connection);
    } else {
      discard(connection);
    }
  }

  void discard(HttpsConnection connection) {
    connection.close();
    open.decrementAndGet();
  }

  /** Dials started so far, failed ones included. */
  long dialed() {
    return dialed.get();
  }

  /** The most connections open at once since the last call; restarts from the current count. */
  long takeMostOpen() {
    return mostOpen.getAndSet(open.get());
  }

  @Override
  public void close() {
    dialers.shutdownNow();
    List<HttpsConnection> all;
    synchronized (this) {
      all = new ArrayList<>(idle);
      idle.clear();
    }
    all.forEach(this::discard);
  }

  private void dialFor(CompletableFuture<HttpsConnection> wanted) {
    dialed.incrementAndGet();
    dialers.execute(
        () -> {
          HttpsConnection fresh;
          try {
            fresh = HttpsConnection.open(tls, server, DIAL_TIMEOUT_MILLIS);
          } catch (IOException | RuntimeException e) {
            wanted.completeExceptionally(e);
            return;
          }
          mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
          if (!wanted.complete(fresh)) {
            place(fresh);
          }
        });
  }

  /** To the longest-waiting request, else the idle list, else closed. */
  private void place(HttpsConnection connection) {
    while (true) {
      CompletableFuture<HttpsConnection> next;
      synchronized (this) {
        next = waiting.pollFirst();
        if (next == null && idle.size() < maxIdle) {
          idle.addLast(connection);
          return;
        }
      }
      if (next == null) {
        discard(connection);
        return;
      }
      if (next.complete(connection)) {
        return;
      }
    }
  }

  /** A request that stops waiting; a connection that reached it meanwhile goes to the next one. */
  private void giveUp(CompletableFuture<HttpsConnection> wanted) {
    synchronized (this) {
      waiting.remove(wanted);
    }
    if (!wanted.cancel(false) && !wanted.isCompletedExceptionally()) {
      place(wanted.join());
    }
  }
}
