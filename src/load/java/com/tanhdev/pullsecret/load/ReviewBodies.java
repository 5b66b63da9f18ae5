package com.tanhdev.pullsecret.load;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A seeded set of AdmissionReview bodies like the ones kube-apiserver sends: Pod creations by the
 * ReplicaSet controller and Deployment creations by a GitOps tool, some from the registry, some
 * only public images. Each request gets its own uid, stamped into a copy of a prepared body.
 */
final class ReviewBodies {

  private static final String UID_PLACEHOLDER = "00000000-0000-4000-8000-000000000000";
  private static final int UID_COUNTER_DIGITS = 12;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final List<byte[]> bodies;
  private final int[] uidOffsets;
  private final AtomicLong requests = new AtomicLong();
  private final String description;

  private ReviewBodies(List<byte[]> bodies, String description) {
    this.bodies = bodies;
    this.description = description;
    this.uidOffsets = new int[bodies.size()];
    byte[] placeholder = UID_PLACEHOLDER.getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < bodies.size(); i++) {
      uidOffsets[i] =
          indexOf(bodies.get(i), placeholder) + UID_PLACEHOLDER.length() - UID_COUNTER_DIGITS;
    }
  }

  /** {@code podShare} and {@code registryShare} are percentages. */
  static ReviewBodies generate(long seed, int count, int podShare, int registryShare) {
    Random random = new Random(seed);
    SampleWorkloads workloads = new SampleWorkloads(random);
    JsonMapper mapper = JsonMapper.builder().build();
    List<byte[]> bodies = new ArrayList<>(count);
    int pods = 0;
    int registry = 0;
    for (int i = 0; i < count; i++) {
      boolean isPod = random.nextInt(100) < podShare;
      boolean usesRegistry = random.nextInt(100) < registryShare;
      pods += isPod ? 1 : 0;
      registry += usesRegistry ? 1 : 0;
      bodies.add(mapper.writeValueAsBytes(review(workloads, isPod, usesRegistry)));
    }
    int[] sizes = bodies.stream().mapToInt(b -> b.length).sorted().toArray();
    String description =
        "%d bodies: %d Pods, %d Deployments, %d with registry images; %.1f-%.1f KB, median %.1f KB"
            .formatted(
                count,
                pods,
                count - pods,
                registry,
                sizes[0] / 1024.0,
                sizes[sizes.length - 1] / 1024.0,
                sizes[sizes.length / 2] / 1024.0);
    return new ReviewBodies(bodies, description);
  }

  /** The next body in the rotation, with a uid no other request of this run has. */
  byte[] next() {
    long request = requests.getAndIncrement();
    int index = (int) (request % bodies.size());
    byte[] body = Arrays.copyOf(bodies.get(index), bodies.get(index).length);
    byte[] counter = "%012x".formatted(request).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(counter, 0, body, uidOffsets[index], UID_COUNTER_DIGITS);
    return body;
  }

  String description() {
    return description;
  }

  private static ObjectNode review(SampleWorkloads workloads, boolean isPod, boolean usesRegistry) {
    String namespace = workloads.namespace();
    String app = workloads.app();
    ObjectNode spec = workloads.podSpec(namespace, app, usesRegistry, isPod);
    ObjectNode labels = NODES.objectNode().put("app.kubernetes.io/name", app);
    ObjectNode object = NODES.objectNode();
    ObjectNode request = NODES.objectNode().put("uid", UID_PLACEHOLDER);
    if (isPod) {
      String replicaSet = app + "-" + workloads.suffix(10);
      object.put("apiVersion", "v1").put("kind", "Pod");
      ObjectNode metadata = object.putObject("metadata");
      metadata.put("generateName", replicaSet + "-").put("namespace", namespace);
      metadata.set(
          "labels",
          labels.deepCopy().put("pod-template-hash", replicaSet.substring(app.length() + 1)));
      metadata
          .putArray("ownerReferences")
          .addObject()
          .put("apiVersion", "apps/v1")
          .put("kind", "ReplicaSet")
          .put("name", replicaSet)
          .put("uid", "6b8e2c1e-3f7a-4d2b-9a1c-" + workloads.suffix(12))
          .put("controller", true)
          .put("blockOwnerDeletion", true);
      object.set("spec", spec);
      object.putObject("status");
      kinds(request, "", "Pod", "pods");
      request.put("name", "").put("namespace", namespace);
      user(
          request,
          "system:serviceaccount:kube-system:replicaset-controller",
          "system:serviceaccounts:kube-system");
    } else {
      object.put("apiVersion", "apps/v1").put("kind", "Deployment");
      ObjectNode metadata =
          object.putObject("metadata").put("name", app).put("namespace", namespace);
      metadata.set("labels", labels.deepCopy().put("app.kubernetes.io/managed-by", "argocd"));
      metadata
          .putObject("annotations")
          .put(
              "argocd.argoproj.io/tracking-id",
              namespace + ":apps/Deployment:" + namespace + "/" + app);
      ObjectNode deploymentSpec =
          object.putObject("spec").put("replicas", 3).put("revisionHistoryLimit", 10);
      deploymentSpec.putObject("selector").set("matchLabels", labels.deepCopy());
      deploymentSpec
          .putObject("strategy")
          .put("type", "RollingUpdate")
          .putObject("rollingUpdate")
          .put("maxSurge", "25%")
          .put("maxUnavailable", "25%");
      ObjectNode template = deploymentSpec.putObject("template");
      template.putObject("metadata").set("labels", labels.deepCopy());
      template.set("spec", spec);
      object.putObject("status");
      kinds(request, "apps", "Deployment", "deployments");
      request.put("name", app).put("namespace", namespace);
      user(
          request,
          "system:serviceaccount:argocd:argocd-application-controller",
          "system:serviceaccounts:argocd");
    }
    request.put("operation", "CREATE");
    request.set("object", object);
    request.putNull("oldObject");
    request.put("dryRun", false);
    request.putObject("options").put("apiVersion", "meta.k8s.io/v1").put("kind", "CreateOptions");
    ObjectNode review =
        NODES.objectNode().put("apiVersion", "admission.k8s.io/v1").put("kind", "AdmissionReview");
    review.set("request", request);
    return review;
  }

  private static void kinds(ObjectNode request, String group, String kind, String resource) {
    ObjectNode kindNode =
        NODES.objectNode().put("group", group).put("version", "v1").put("kind", kind);
    ObjectNode resourceNode =
        NODES.objectNode().put("group", group).put("version", "v1").put("resource", resource);
    request.set("kind", kindNode);
    request.set("resource", resourceNode);
    request.set("requestKind", kindNode.deepCopy());
    request.set("requestResource", resourceNode.deepCopy());
  }

  private static void user(ObjectNode request, String username, String group) {
    ObjectNode user =
        request
            .putObject("userInfo")
            .put("username", username)
            .put("uid", "0f3c9a1e-7a44-4b59-8f41-2d0d8f6c1a77");
    user.putArray("groups").add("system:serviceaccounts").add(group).add("system:authenticated");
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalStateException("uid placeholder missing from a prepared review");
  }
}
