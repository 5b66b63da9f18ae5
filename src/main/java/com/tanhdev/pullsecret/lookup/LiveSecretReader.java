package com.tanhdev.pullsecret.lookup;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.RequestConfig;
import io.fabric8.kubernetes.client.RequestConfigBuilder;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bounded GET of a secret, for the moment between a secret's creation and its arrival in the
 * informer cache. Only its existence and {@link SecretFacts} are reported; the secret read is
 * dropped at once.
 */
final class LiveSecretReader implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LiveSecretReader.class);

  // Live reads are rare (a secret created moments before the pod that needs it), so a few threads
  // are plenty. The bounds stop a hanging API server from taking ever more threads: once they are
  // all waiting, further reads fail fast with ERROR instead of queueing behind them.
  private static final int THREADS = 4;
  private static final int QUEUED_READS = 16;

  private final KubernetesClient client;
  private final PullSecretReader reader;
  private final Duration timeout;
  private final ThreadPoolExecutor executor;

  LiveSecretReader(KubernetesClient client, PullSecretReader reader, Duration timeout) {
    this.client = withoutRetries(client, timeout);
    this.reader = reader;
    this.timeout = timeout;
    this.executor =
        new ThreadPoolExecutor(
            THREADS,
            THREADS,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUED_READS),
            daemonThreads());
    executor.allowCoreThreadTimeOut(true);
  }

  /**
   * The caller waits here, so the deadline is enforced on this side rather than trusted to the HTTP
   * stack: fabric8's request timeout does not cover every stall (connecting, a full connection
   * pool), and an admission request has its own deadline to keep.
   */
  SecretAnswer read(String namespace, String name, Set<String> registries) {
    Future<SecretAnswer> answer;
    try {
      answer = executor.submit(() -> fetch(namespace, name, registries));
    } catch (RejectedExecutionException e) {
      LOG.debug("live read of secret {}/{} rejected: all readers busy", namespace, name);
      return SecretAnswer.existenceOnly(LookupResult.ERROR);
    }
    try {
      return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      answer.cancel(true);
      return SecretAnswer.existenceOnly(LookupResult.ERROR);
    } catch (ExecutionException | TimeoutException e) {
      answer.cancel(true);
      LOG.debug("live read of secret {}/{} failed: {}", namespace, name, e.toString());
      return SecretAnswer.existenceOnly(LookupResult.ERROR);
    }
  }

  private SecretAnswer fetch(String namespace, String name, Set<String> registries) {
    // fabric8 answers a 404 with null and throws on any other failure.
    Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
    return secret == null
        ? SecretAnswer.existenceOnly(LookupResult.MISS)
        : new SecretAnswer(LookupResult.LIVE_HIT, reader.read(secret, registries));
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  /**
   * A retry would only spend the deadline on a second attempt that the caller no longer waits for.
   * The derived client shares the given client's HTTP client, so it needs no closing.
   */
  private static KubernetesClient withoutRetries(KubernetesClient client, Duration timeout) {
    RequestConfig requestConfig =
        new RequestConfigBuilder(client.getConfiguration().getRequestConfig())
            .withRequestRetryBackoffLimit(0)
            .withRequestTimeout(Math.toIntExact(Math.max(1, timeout.toMillis())))
            .build();
    return client.newClient(requestConfig).adapt(KubernetesClient.class);
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "secret-live-read-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
