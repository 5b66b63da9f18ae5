package com.tanhdev.pullsecret.load;

import java.util.List;
import java.util.Random;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pod specs as a mutating webhook receives them: already defaulted by the API server (pull
 * policies, termination paths, tolerations, the service account token volume), with env lists of
 * varying length so the reviews span 2-9 KB, and a seeded mix of registry and public images.
 */
final class SampleWorkloads {

  static final String REGISTRY = "registry-api.tanhdev.com";
  static final String SECRET = "registry-api-tanhdev";
  static final int NAMESPACES = 20;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> APPS =
      List.of("payment-api", "checkout", "search", "ledger", "notifier", "catalog", "auth", "cart");
  private static final List<String> PUBLIC_IMAGES =
      List.of(
          "nginx:1.27.2-alpine",
          "docker.io/library/redis:7.4.1",
          "quay.io/prometheus/node-exporter:v1.8.2",
          "registry.k8s.io/ingress-nginx/controller:v1.11.3",
          "ghcr.io/open-telemetry/opentelemetry-collector-releases/opentelemetry-collector:0.111.0",
          "public.ecr.aws/docker/library/python:3.12-slim");
  private static final String SIDECAR = "docker.io/istio/proxyv2:1.23.2";

  private final Random random;

  SampleWorkloads(Random random) {
    this.random = random;
  }

  String namespace() {
    return "team-%02d".formatted(random.nextInt(NAMESPACES));
  }

  String app() {
    return APPS.get(random.nextInt(APPS.size()));
  }

  /** A pod spec; {@code private} decides whether the app containers come from the registry. */
  ObjectNode podSpec(String namespace, String app, boolean usesRegistry, boolean isPod) {
    ObjectNode spec = NODES.objectNode();
    spec.put("serviceAccountName", app);
    spec.put("restartPolicy", "Always");
    spec.put("terminationGracePeriodSeconds", 30);
    spec.put("dnsPolicy", "ClusterFirst");
    spec.put("schedulerName", "default-scheduler");
    spec.put("enableServiceLinks", true);
    spec.putObject("securityContext").put("runAsNonRoot", true).put("fsGroup", 2000);
    if (random.nextInt(10) == 0) {
      spec.putArray("imagePullSecrets").addObject().put("name", SECRET);
    }
    if (random.nextInt(3) == 0) {
      spec.putArray("initContainers")
          .add(container("migrate", image(namespace, app, usesRegistry), 2));
    }
    ArrayNode containers = spec.putArray("containers");
    int appContainers = 1 + random.nextInt(2);
    for (int i = 0; i < appContainers; i++) {
      containers.add(
          container(
              i == 0 ? app : app + "-worker",
              image(namespace, app, usesRegistry),
              2 + random.nextInt(40)));
    }
    if (random.nextInt(3) == 0) {
      containers.add(container("istio-proxy", SIDECAR, 6));
    }
    ArrayNode volumes = spec.putArray("volumes");
    volumes.addObject().put("name", "config").putObject("configMap").put("name", app + "-config");
    if (isPod) {
      spec.put("nodeName", "");
      spec.put("priority", 0);
      spec.put("preemptionPolicy", "PreemptLowerPriority");
      ArrayNode tolerations = spec.putArray("tolerations");
      for (String taint :
          List.of("node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable")) {
        tolerations
            .addObject()
            .put("key", taint)
            .put("operator", "Exists")
            .put("effect", "NoExecute")
            .put("tolerationSeconds", 300);
      }
      ObjectNode projected =
          volumes.addObject().put("name", "kube-api-access-" + suffix(5)).putObject("projected");
      projected.put("defaultMode", 420);
      ArrayNode sources = projected.putArray("sources");
      sources
          .addObject()
          .putObject("serviceAccountToken")
          .put("expirationSeconds", 3607)
          .put("path", "token");
      sources
          .addObject()
          .putObject("configMap")
          .put("name", "kube-root-ca.crt")
          .putArray("items")
          .addObject()
          .put("key", "ca.crt")
          .put("path", "ca.crt");
      sources
          .addObject()
          .putObject("downwardAPI")
          .putArray("items")
          .addObject()
          .put("path", "namespace")
          .putObject("fieldRef")
          .put("apiVersion", "v1")
          .put("fieldPath", "metadata.namespace");
    }
    return spec;
  }

  String suffix(int length) {
    String alphabet = "bcdfghjklmnpqrstvwxz2456789";
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  private String image(String namespace, String app, boolean usesRegistry) {
    if (usesRegistry) {
      return "%s/%s/%s:%d.%d.%d"
          .formatted(
              REGISTRY,
              namespace,
              app,
              1 + random.nextInt(3),
              random.nextInt(20),
              random.nextInt(10));
    }
    return PUBLIC_IMAGES.get(random.nextInt(PUBLIC_IMAGES.size()));
  }

  private ObjectNode container(String name, String image, int envCount) {
    ObjectNode container = NODES.objectNode().put("name", name).put("image", image);
    container.put("imagePullPolicy", "IfNotPresent");
    container
        .putArray("ports")
        .addObject()
        .put("name", "http")
        .put("containerPort", 8080)
        .put("protocol", "TCP");
    ArrayNode env = container.putArray("env");
    for (int i = 0; i < envCount; i++) {
      env.addObject()
          .put("name", "%s_SETTING_%d".formatted(name.toUpperCase().replace('-', '_'), i))
          .put("value", "value-%d-%s".formatted(i, suffix(12)));
    }
    ObjectNode resources = container.putObject("resources");
    resources.putObject("requests").put("cpu", "100m").put("memory", "128Mi");
    resources.putObject("limits").put("memory", "256Mi");
    container
        .putObject("readinessProbe")
        .put("periodSeconds", 5)
        .putObject("httpGet")
        .put("path", "/readyz")
        .put("port", "http")
        .put("scheme", "HTTP");
    container
        .putArray("volumeMounts")
        .addObject()
        .put("name", "config")
        .put("mountPath", "/etc/" + name)
        .put("readOnly", true);
    container.put("terminationMessagePath", "/dev/termination-log");
    container.put("terminationMessagePolicy", "File");
    container
        .putObject("securityContext")
        .put("allowPrivilegeEscalation", false)
        .putObject("capabilities")
        .putArray("drop")
        .add("ALL");
    return container;
  }
}
