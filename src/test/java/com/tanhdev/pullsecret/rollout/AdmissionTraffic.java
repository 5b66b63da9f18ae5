package com.tanhdev.pullsecret.rollout;

import com.tanhdev.pullsecret.kube.ApiAnswer;
import com.tanhdev.pullsecret.kube.ApiRequests;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A steady stream of creates through the API server, open loop (one every {@code 1/rate} seconds,
 * whether or not the earlier ones have come back, as independent users and controllers send them):
 * four Pods, then a Deployment, all pulling from the registry. Every call is recorded with its
 * outcome. It stops when told to, or at its bounds on count and time.
 */
final class AdmissionTraffic implements AutoCloseable {

  static final String IMAGE = "registry-api.tanhdev.com/payment/api:2.4.1";

  private static final int DEPLOYMENT_EVERY = 5;
  private static final int MAX_IN_FLIGHT = 64;

  private final KubernetesClient client;
  private final String namespace;
  private final String secret;
  private final double perSecond;
  private final int maxCalls;
  private final Duration maxTime;
  private final ConcurrentLinkedQueue<CallRecord> calls = new ConcurrentLinkedQueue<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicBoolean stopRequested = new AtomicBoolean();
  private final ExecutorService senders = Executors.newFixedThreadPool(MAX_IN_FLIGHT);
  private final Thread pacer;

  private AdmissionTraffic(
      KubernetesClient client,
      String namespace,
      String secret,
      double perSecond,
      Duration maxTime) {
    this.client = client;
    this.namespace = namespace;
    this.secret = secret;
    this.perSecond = perSecond;
    this.maxTime = maxTime;
    this.maxCalls = (int) Math.ceil(perSecond * maxTime.toSeconds());
    this.pacer = new Thread(this::pace, "admission-traffic");
    pacer.setDaemon(true);
  }

  static AdmissionTraffic start(
      KubernetesClient client,
      String namespace,
      String secret,
      double perSecond,
      Duration maxTime) {
    AdmissionTraffic traffic = new AdmissionTraffic(client, namespace, secret, perSecond, maxTime);
    traffic.pacer.start();
    return traffic;
  }

  /** The calls that have come back so far. */
  List<CallRecord> calls() {
    return List.copyOf(calls);
  }

  /** Calls sent and not yet come back. */
  int inFlight() {
    return inFlight.get();
  }

  boolean isRunning() {
    return pacer.isAlive();
  }

  /** Stops sending and waits for the calls in flight. */
  @Override
  public void close() {
    stopRequested.set(true);
    try {
      pacer.join(TimeUnit.SECONDS.toMillis(5));
      senders.shutdown();
      senders.awaitTermination(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    senders.shutdownNow();
  }

  private void pace() {
    long start = System.nanoTime();
    long interval = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
    long end = start + maxTime.toNanos();
    for (int i = 0; i < maxCalls && !stopRequested.get(); i++) {
      long due = start + i * interval;
      if (due > end) {
        return;
      }
      LockSupport.parkNanos(due - System.nanoTime());
      int number = i + 1;
      inFlight.incrementAndGet();
      senders.execute(() -> send(number));
    }
  }

  private void send(int number) {
    HasMetadata object = number % DEPLOYMENT_EVERY == 0 ? deployment(number) : pod(number);
    long started = System.nanoTime();
    CallOutcome outcome;
    String detail = "";
    try {
      ApiAnswer answer = new ApiRequests(client).create(object);
      outcome = CallOutcome.of(answer, object.getClass(), secret);
      detail = answer.succeeded() ? "" : answer.message();
    } catch (RuntimeException unreachable) {
      outcome = CallOutcome.API_SERVER_UNAVAILABLE;
      detail = String.valueOf(unreachable.getCause());
    }
    calls.add(new CallRecord(started, System.nanoTime(), outcome, detail));
    inFlight.decrementAndGet();
  }

  private Pod pod(int number) {
    return new PodBuilder()
        .withNewMetadata()
        .withName("call-" + number)
        .withNamespace(namespace)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage(IMAGE)
        .endContainer()
        .endSpec()
        .build();
  }

  private Deployment deployment(int number) {
    Map<String, String> labels = Map.of("app", "call-" + number);
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName("call-" + number)
        .withNamespace(namespace)
        .endMetadata()
        .withNewSpec()
        .withNewSelector()
        .withMatchLabels(labels)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage(IMAGE)
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }
}
