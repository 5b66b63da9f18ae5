package com.tanhdev.pullsecret.load;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Creates Pods through kube-apiserver with {@code dryRun=All} at a fixed offered rate (open loop,
 * each on its own thread, latency from its intended send time): the API server admits them, calls
 * any registered webhook and stores nothing.
 */
final class PodCreations implements AutoCloseable {

  private final KubernetesClient client;
  private final String namespace;
  private final Pod pod;
  private final ExecutorService senders = LightThreads.perTask("pod-creator");

  PodCreations(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
    this.pod =
        new PodBuilder()
            .withNewMetadata()
            .withGenerateName("load-")
            .withNamespace(namespace)
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("app")
            .withImage(SampleWorkloads.REGISTRY + "/" + namespace + "/app:1.0.0")
            .endContainer()
            .endSpec()
            .build();
  }

  /** One dry-run creation; the Pod as the API server would have stored it. */
  Pod createOne() {
    return client.pods().inNamespace(namespace).resource(pod).dryRun().create();
  }

  LatencySummary run(int rate, Duration duration) throws InterruptedException {
    int count = (int) (rate * duration.toSeconds());
    LatencyLog log = new LatencyLog(count);
    long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
    CountDownLatch done = new CountDownLatch(count);
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      long due = start + i * intervalNanos;
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      int request = i;
      senders.execute(
          () -> {
            create(log, request, due, start);
            done.countDown();
          });
    }
    // The client's own timeouts end every creation well before this.
    done.await(30, TimeUnit.SECONDS);
    return log.summarize(0, duration.toNanos());
  }

  private void create(LatencyLog log, int request, long due, long start) {
    Outcome outcome = Outcome.FAILED;
    int status = 0;
    try {
      createOne();
      outcome = Outcome.OK;
    } catch (KubernetesClientException e) {
      status = e.getCode();
      outcome = status > 0 ? Outcome.STATUS : Outcome.FAILED;
    } finally {
      log.record(request, due - start, System.nanoTime() - due, outcome, status);
    }
  }

  @Override
  public void close() {
    senders.shutdownNow();
  }
}
