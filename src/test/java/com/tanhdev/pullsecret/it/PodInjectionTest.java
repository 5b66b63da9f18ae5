package com.tanhdev.pullsecret.it;

import static com.tanhdev.pullsecret.it.Workloads.OPT_OUT;
import static com.tanhdev.pullsecret.it.Workloads.REGISTRY_IMAGE;
import static com.tanhdev.pullsecret.it.Workloads.pod;
import static com.tanhdev.pullsecret.it.Workloads.spec;
import static com.tanhdev.pullsecret.kube.WebhookFixture.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.tanhdev.pullsecret.kube.ApiAnswer;
import com.tanhdev.pullsecret.kube.PodSpecs;
import com.tanhdev.pullsecret.kube.TestNamespace;
import com.tanhdev.pullsecret.kube.WebhookExtension;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Pods created through the API server, read back from storage: what the user gets. */
class PodInjectionTest {

  @RegisterExtension static final WebhookExtension webhook = WebhookExtension.withConfig("");

  private KubernetesClient client() {
    return webhook.fixture().client();
  }

  private TestNamespace namespaceWithSecret() {
    return webhook.fixture().newNamespace("pods").withPullSecret(SECRET);
  }

  private Pod createAndReadBack(Pod pod) {
    client().resource(pod).create();
    return client()
        .pods()
        .inNamespace(pod.getMetadata().getNamespace())
        .withName(pod.getMetadata().getName())
        .get();
  }

  @Test
  void a_pod_pulling_from_the_registry_is_stored_with_the_secret() {
    TestNamespace namespace = namespaceWithSecret();

    Pod stored = createAndReadBack(pod(namespace, "api", spec(List.of(), REGISTRY_IMAGE)));

    assertThat(PodSpecs.pullSecretNames(stored)).containsExactly(SECRET);
  }

  @Test
  void the_users_own_pull_secrets_stay_first_and_in_order() {
    TestNamespace namespace = namespaceWithSecret();

    Pod stored =
        createAndReadBack(
            pod(namespace, "api", spec(List.of("zeta-creds", "alpha-creds"), REGISTRY_IMAGE)));

    assertThat(PodSpecs.pullSecretNames(stored))
        .containsExactly("zeta-creds", "alpha-creds", SECRET);
  }

  @Test
  void a_pod_that_already_lists_the_secret_keeps_a_single_entry() {
    TestNamespace namespace = namespaceWithSecret();

    Pod stored =
        createAndReadBack(pod(namespace, "api", spec(List.of("other", SECRET), REGISTRY_IMAGE)));

    assertThat(PodSpecs.pullSecretNames(stored)).containsExactly("other", SECRET);
  }

  @Test
  void a_pod_pulling_only_public_images_is_stored_unchanged() {
    TestNamespace namespace = namespaceWithSecret();

    Pod stored = createAndReadBack(pod(namespace, "web", spec(List.of(), "nginx:1.27")));

    assertThat(stored.getSpec().getImagePullSecrets()).isEmpty();
  }

  @Test
  void a_lookalike_registry_host_is_not_the_registry() {
    TestNamespace namespace = namespaceWithSecret();

    Pod stored =
        createAndReadBack(
            pod(namespace, "web", spec(List.of(), "registry-api.tanhdev.com.evil.io/x:1")));

    assertThat(stored.getSpec().getImagePullSecrets()).isEmpty();
  }

  @Test
  void a_pod_opted_out_by_annotation_is_stored_unchanged() {
    TestNamespace namespace = namespaceWithSecret();
    Pod pod =
        new PodBuilder(pod(namespace, "api", spec(List.of(), REGISTRY_IMAGE)))
            .editMetadata()
            .addToAnnotations(OPT_OUT, "false")
            .endMetadata()
            .build();

    Pod stored = createAndReadBack(pod);

    assertThat(stored.getSpec().getImagePullSecrets()).isEmpty();
  }

  @Test
  void a_server_side_dry_run_returns_the_patched_pod_and_stores_nothing() {
    TestNamespace namespace = namespaceWithSecret();

    ApiAnswer answer =
        webhook
            .fixture()
            .api()
            .dryRunCreate(pod(namespace, "api", spec(List.of(), REGISTRY_IMAGE)));

    assertThat(PodSpecs.pullSecretNames(answer.object(Pod.class))).containsExactly(SECRET);
    assertThat(client().pods().inNamespace(namespace.name()).withName("api").get()).isNull();
  }

  /**
   * The secret appears only after the pod exists, so a webhook that patched updates would add it
   * now, and the API server would reject the update: a pod's pull secrets cannot change.
   */
  @Test
  void updating_a_pod_never_patches_it_and_still_succeeds() {
    TestNamespace namespace = webhook.fixture().newNamespace("pods");
    createAndReadBack(pod(namespace, "api", spec(List.of(), REGISTRY_IMAGE)));
    namespace.withPullSecret(SECRET);

    client()
        .pods()
        .inNamespace(namespace.name())
        .withName("api")
        .edit(
            pod ->
                new PodBuilder(pod)
                    .editMetadata()
                    .addToLabels("tier", "backend")
                    .endMetadata()
                    .build());

    Pod stored = client().pods().inNamespace(namespace.name()).withName("api").get();
    assertThat(stored.getMetadata().getLabels()).containsEntry("tier", "backend");
    assertThat(stored.getSpec().getImagePullSecrets()).isEmpty();
  }
}
