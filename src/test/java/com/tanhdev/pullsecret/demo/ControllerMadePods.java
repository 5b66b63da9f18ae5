package com.tanhdev.pullsecret.demo;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * The Pods kube-controller-manager made in one namespace, shown as a user checks them first: {@code
 * kubectl get pod -o yaml | grep imagePullSecrets}. There is no kubelet, so they stay Pending,
 * which is enough: a Pod's imagePullSecrets are fixed when it is created.
 */
final class ControllerMadePods {

  // The ReplicaSet, Job and ServiceAccount controllers each take their turn on a busy machine.
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
          .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
          .build();

  private final KubernetesClient client;

  ControllerMadePods(KubernetesClient client) {
    this.client = client;
  }

  /** Waits for {@code expected} Pods in {@code namespace} and renders each one's pull secrets. */
  String render(String namespace, int expected) {
    List<Pod> pods =
        await("pods in " + namespace)
            .atMost(PATIENCE)
            .pollInterval(Duration.ofMillis(200))
            .until(
                () -> client.pods().inNamespace(namespace).list().getItems(),
                items -> items.size() >= expected);
    StringBuilder text = new StringBuilder();
    pods.stream()
        .sorted(Comparator.comparing(pod -> pod.getMetadata().getName()))
        .forEach(pod -> text.append(render(pod)));
    return text.toString();
  }

  private String render(Pod pod) {
    List<String> block = pullSecretsBlock(asKubectlYaml(pod));
    String name = pod.getMetadata().getName();
    return "# made by "
        + owner(pod)
        + "\n$ kubectl get pod "
        + name
        + " -n "
        + pod.getMetadata().getNamespace()
        + " -o yaml | grep -A"
        + Math.max(1, block.size() - 1)
        + " imagePullSecrets\n"
        + (block.isEmpty() ? "(no imagePullSecrets)\n" : String.join("\n", block) + "\n");
  }

  /** YAML written the way kubectl writes it: strings unquoted where YAML allows. */
  private String asKubectlYaml(Pod pod) {
    JsonNode tree = JSON.readTree(client.getKubernetesSerialization().asJson(pod));
    return YAML.writeValueAsString(tree);
  }

  /** The {@code imagePullSecrets:} line of the YAML and its list entries, as grep shows them. */
  private static List<String> pullSecretsBlock(String yaml) {
    List<String> block = new ArrayList<>();
    for (String line : yaml.split("\n")) {
      if (block.isEmpty()) {
        if (line.strip().equals("imagePullSecrets:")) {
          block.add(line);
        }
      } else if (line.strip().startsWith("- name:") || line.startsWith("    ")) {
        block.add(line);
      } else {
        break;
      }
    }
    return block;
  }

  private static String owner(Pod pod) {
    List<OwnerReference> owners = pod.getMetadata().getOwnerReferences();
    return owners == null || owners.isEmpty()
        ? "nobody"
        : owners.get(0).getKind() + " " + owners.get(0).getName();
  }
}
