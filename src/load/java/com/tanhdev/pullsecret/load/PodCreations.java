package com.tanhdev.pullsecret.load;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Creates Pods through kube-apiserver with {@code dryRun=All} at a fixed offered rate (open loop,
 * each on its own thread, latency from its intended send time): the API server admits them, calls
 * any registered webhook and stores nothing. With several namespaces, the creations take them in
 * turn, so each namespace's share meets the same API server at the same moments.
 */
final class PodCreations implements AutoCloseable {

  private final KubernetesClient client;
  private final List<String> namespaces;
  private final ExecutorService senders = LightThreads.perTask("pod-creator");

  PodCreations(KubernetesClient client, List<String> namespaces) {
    this.client = client;
    this.namespaces = List.copyOf(namespaces);
  }

  /** One dry-run creation in {@code namespace}; the Pod as the API server would have stored it. */
  Pod createOne(String namespace) {
    return client.pods().inNamespace(namespace).resource(pod(namespace)).dryRun().create();
  }

  /**
   * {@code ratePerNamespace} creations a second in each namespace for {@code duration}, in turn;
   * one summary per namespace, in the order given.
   */
  List<LatencySummary> run(int ratePerNamespace, Duration duration) throws InterruptedException {
    int perNamespace = (int) (ratePerNamespace * duration.toSeconds());
    int count = perNamespace * namespaces.size();
    List<LatencyLog> logs = new ArrayList<>();
    List<Pod> pods = new ArrayList<>();
    for (String namespace : namespaces) {
      logs.add(new LatencyLog(perNamespace));
      pods.add(pod(namespace));
    }
    long intervalNanos =
        TimeUnit.SECONDS.toNanos(1) / ((long) ratePerNamespace * namespaces.size());
    CountDownLatch done = new CountDownLatch(count);
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      long due = start + i * intervalNanos;
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      int turn = i % namespaces.size();
      int request = i / namespaces.size();
      senders.execute(
          () -> {
            create(pods.get(turn), logs.get(turn), request, due, start);
            done.countDown();
          });
    }
    // The client's own timeouts end every creation well before this.
    done.await(30, TimeUnit.SECONDS);
    return logs.stream().map(log -> log.summarize(0, duration.toNanos())).toList();
  }

  private void create(Pod pod, LatencyLog log, int request, long due, long start) {
    Outcome outcome = Outcome.FAILED;
    int status = 0;
    try {
      client.pods().resource(pod).dryRun().create();
      outcome = Outcome.OK;
    } catch (KubernetesClientException e) {
      status = e.getCode();
      outcome = status > 0 ? Outcome.STATUS : Outcome.FAILED;
    } finally {
      log.record(request, due - start, System.nanoTime() - due, outcome, status);
    }
  }

  private static Pod pod(String namespace) {
    return new PodBuilder()
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

  @Override
  public void close() {
    senders.shutdownNow();
  }
}
