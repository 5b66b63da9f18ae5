package com.tanhdev.pullsecret.it;

import static com.tanhdev.pullsecret.it.Workloads.REGISTRY_IMAGE;
import static com.tanhdev.pullsecret.it.Workloads.spec;
import static com.tanhdev.pullsecret.kube.WebhookFixture.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tanhdev.pullsecret.kube.PodSpecs;
import com.tanhdev.pullsecret.kube.TestNamespace;
import com.tanhdev.pullsecret.kube.WebhookExtension;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With only Pods handled (no drift in the workloads GitOps tools compare), the Pods that
 * controllers make still carry the secret: they reach the webhook with a generated name, and the
 * namespace is taken from the request.
 */
class PodOnlyControllerMadePodsTest {

  @RegisterExtension
  static final WebhookExtension webhook =
      WebhookExtension.withConfig(
              """
              kinds:
                Pod: [CREATE]
              """)
          .withControllerManager();

  private final KubernetesClient client = webhook.fixture().client();
  private final TestNamespace namespace =
      webhook.fixture().newNamespace("pod-only").withPullSecret(SECRET);

  @Test
  void a_deployment_is_stored_as_applied_and_its_pods_carry_the_secret() {
    client
        .resource(Workloads.deployment(namespace, "api", spec(List.of(), REGISTRY_IMAGE)))
        .create();

    List<Pod> pods =
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .until(
                () -> client.pods().inNamespace(namespace.name()).list().getItems(),
                items -> !items.isEmpty());

    Deployment stored =
        client.apps().deployments().inNamespace(namespace.name()).withName("api").get();
    assertThat(PodSpecs.pullSecretNames(stored)).isEmpty();
    assertThat(pods)
        .allSatisfy(
            pod -> {
              assertThat(pod.getMetadata().getGenerateName()).startsWith("api-");
              assertThat(PodSpecs.pullSecretNames(pod)).containsExactly(SECRET);
            });
  }
}
