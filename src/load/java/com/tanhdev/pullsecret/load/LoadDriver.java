package com.tanhdev.pullsecret.load;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Drives one server: one connection pool for its whole life (as the API server keeps one per
 * webhook), one generator, and the server-side accounting around each run.
 */
final class LoadDriver implements AutoCloseable {

  private final ServerProcess server;
  private final ConnectionPool pool;
  private final OpenLoopGenerator generator;

  LoadDriver(
      ServerProcess server, TlsClient tls, ReviewBodies bodies, Duration timeout, int maxIdle) {
    this.server = server;
    this.pool = new ConnectionPool(tls, server.webhookAddress(), maxIdle);
    this.generator = new OpenLoopGenerator(pool, bodies, server.webhookAddress(), timeout);
  }

  Measurement run(String name, double rate, Duration duration, TimedEvent... events)
      throws IOException, InterruptedException {
    long dialedBefore = pool.dialed();
    pool.takeMostOpen();
    Duration cpuBefore = server.cpuTime();
    Duration ownBefore = ownCpu();
    LatencyLog log = generator.run(rate, duration, List.of(events));
    Duration cpu = server.cpuTime().minus(cpuBefore);
    Duration own = ownCpu().minus(ownBefore);
    server.requireAlive();
    return new Measurement(
        name,
        rate,
        log,
        log.summarize(0, duration.toNanos()),
        pool.dialed() - dialedBefore,
        pool.takeMostOpen(),
        cpu,
        own);
  }

  private static Duration ownCpu() {
    return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
  }

  @Override
  public void close() {
    generator.close();
  }
}
