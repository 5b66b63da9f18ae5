package com.tanhdev.pullsecret.kube;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real etcd and kube-apiserver on loopback, with no scheduler or kubelet: objects are admitted
 * and stored, nothing runs. Optionally with kube-controller-manager ({@link
 * #startWithControllerManager()}), so that Deployments, Jobs and CronJobs make their Pods (which
 * stay Pending), namespaces finish deleting and garbage is collected. Starting takes a few seconds,
 * so a test run starts one of each kind and shares it (see {@link ControlPlaneExtension}); tests
 * keep apart by namespace.
 */
public final class ControlPlane implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final int LOG_LINES_ON_FAILURE = 50;

  private final Teardown teardown;
  private final SupervisedProcess etcd;
  private final ApiServerProcess apiServer;
  private final KubernetesClient client;
  private final List<SupervisedProcess> controllers = new CopyOnWriteArrayList<>();

  private ControlPlane(
      Teardown teardown,
      SupervisedProcess etcd,
      ApiServerProcess apiServer,
      KubernetesClient client) {
    this.teardown = teardown;
    this.etcd = etcd;
    this.apiServer = apiServer;
    this.client = client;
  }

  /** Starts etcd and the API server and waits until the API server reports ready. */
  public static ControlPlane start() {
    return start(false, Map.of(), List.of());
  }

  /**
   * Like {@link #start()}, with variables added to kube-apiserver's environment: {@code
   * DISABLE_HTTP2=true}, for one, makes it call webhooks over HTTP/1.1, as it does in-cluster
   * services whose TLS does not offer h2.
   */
  public static ControlPlane startWithApiServerEnvironment(Map<String, String> environment) {
    return start(false, environment, List.of());
  }

  /**
   * Like {@link #start()}, with the API server calling a webhook's {@code service:} reference the
   * way a cluster without kube-proxy does ({@code --enable-aggregator-routing=true}): at a ready
   * address of the Service's EndpointSlices, picked at random for every new connection, verifying
   * the certificate for {@code <service>.<namespace>.svc}, over HTTP/1.1. EndpointSlice addresses
   * may not be loopback addresses, so the webhooks need addresses of their own (see {@code
   * rollout.IsolatedNetwork}).
   */
  public static ControlPlane startWithAggregatorRouting() {
    return start(false, Map.of(), List.of("--enable-aggregator-routing=true"));
  }

  /**
   * Starts etcd, the API server and kube-controller-manager, and waits until the controllers work:
   * the default ServiceAccount of namespace {@code default} exists.
   */
  public static ControlPlane startWithControllerManager() {
    return start(true, Map.of(), List.of());
  }

  private static ControlPlane start(
      boolean withControllerManager,
      Map<String, String> apiServerEnvironment,
      List<String> extraApiServerFlags) {
    KubeBinaries binaries = KubeBinaries.fromEnvironment(System.getenv(), withControllerManager);
    Teardown teardown = new Teardown("control-plane");
    try {
      Path dir = teardown.addDirectory(Files.createTempDirectory("pullsecret-kube-"));
      ControlPlanePki pki = ControlPlanePki.writeTo(dir.resolve("pki"));
      int etcdPort = freePort();
      SupervisedProcess etcd =
          teardown.add(
              SupervisedProcess.start(
                  "etcd",
                  binaries.etcd(),
                  ControlPlaneFlags.etcd(dir, etcdPort, freePort()),
                  dir.resolve("etcd.log")));
      int apiPort = freePort();
      KubernetesClient client =
          teardown.add(AdminClient.connect(pki, "https://127.0.0.1:" + apiPort));
      // Added last, so stopped first: the API server then closes the client's connections itself,
      // whereas a client closed with open connections races its own event loop and logs errors.
      List<String> apiServerFlags =
          new ArrayList<>(ControlPlaneFlags.apiServer(dir, pki, etcdPort, apiPort));
      apiServerFlags.addAll(extraApiServerFlags);
      ApiServerProcess apiServer =
          teardown.add(
              ApiServerProcess.start(
                  () ->
                      SupervisedProcess.start(
                          "kube-apiserver",
                          binaries.apiServer(),
                          apiServerFlags,
                          apiServerEnvironment,
                          dir.resolve("kube-apiserver.log"))));
      ControlPlane plane = new ControlPlane(teardown, etcd, apiServer, client);
      plane.awaitReady();
      if (withControllerManager) {
        // Started once the API server is ready: the controller manager gives up on an API server
        // that is not healthy within seconds. Added after it, so stopped before it.
        plane.controllers.add(
            teardown.add(
                ControllerManager.start(
                    binaries.controllerManager(), dir, pki, client.getMasterUrl().toString())));
        plane.awaitControllersWork();
      }
      return plane;
    } catch (IOException e) {
      teardown.close();
      throw new UncheckedIOException("cannot create the control plane's directory", e);
    } catch (RuntimeException e) {
      teardown.close();
      throw e;
    }
  }

  /** A cluster-admin client (client certificate in group system:masters). */
  public KubernetesClient client() {
    return client;
  }

  /**
   * Stops the API server (SIGTERM, as a control-plane node's upgrade does), starts it again on the
   * same port with the same flags and storage, and waits until it is ready. Its clients reconnect
   * by themselves.
   */
  public void restartApiServer() {
    apiServer.restart();
    awaitReady();
  }

  @Override
  public void close() {
    teardown.close();
  }

  private void awaitReady() {
    try {
      await("kube-apiserver /readyz")
          .atMost(READY_TIMEOUT)
          .pollInterval(Duration.ofMillis(250))
          .until(this::isReady);
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(
          "kube-apiserver was not ready within " + READY_TIMEOUT.toSeconds() + " s\n" + logs(), e);
    }
  }

  private void awaitControllersWork() {
    try {
      await("kube-controller-manager makes the default ServiceAccount")
          .atMost(READY_TIMEOUT)
          .pollInterval(Duration.ofMillis(250))
          .until(
              () ->
                  isRunning()
                      && client.serviceAccounts().inNamespace("default").withName("default").get()
                          != null);
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(
          "kube-controller-manager did not work within "
              + READY_TIMEOUT.toSeconds()
              + " s\n"
              + logs(),
          e);
    }
  }

  private boolean isReady() {
    return isRunning() && answersReadyz();
  }

  private boolean isRunning() {
    if (teardown.isDone()) {
      throw new IllegalStateException("the control plane was stopped while starting");
    }
    if (!etcd.isAlive()
        || !apiServer.isAlive()
        || !controllers.stream().allMatch(SupervisedProcess::isAlive)) {
      throw new IllegalStateException("the control plane exited while starting\n" + logs());
    }
    return true;
  }

  private boolean answersReadyz() {
    HttpRequest readyz =
        client
            .getHttpClient()
            .newHttpRequestBuilder()
            .uri(client.getMasterUrl() + "readyz")
            .build();
    try {
      HttpResponse<String> response =
          client.getHttpClient().sendAsync(readyz, String.class).get(5, TimeUnit.SECONDS);
      return response.code() == 200;
    } catch (Exception notYet) {
      if (notYet instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return false;
    }
  }

  private String logs() {
    StringBuilder logs = new StringBuilder();
    for (SupervisedProcess controller : controllers) {
      logs.append(controller.logTail(LOG_LINES_ON_FAILURE)).append('\n');
    }
    return logs.append(apiServer.logTail(LOG_LINES_ON_FAILURE))
        .append('\n')
        .append(etcd.logTail(LOG_LINES_ON_FAILURE))
        .toString();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on loopback", e);
    }
  }
}
