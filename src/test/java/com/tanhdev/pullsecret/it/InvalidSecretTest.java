package com.tanhdev.pullsecret.it;

import static com.tanhdev.pullsecret.it.Workloads.REGISTRY_IMAGE;
import static com.tanhdev.pullsecret.it.Workloads.deployment;
import static com.tanhdev.pullsecret.it.Workloads.pod;
import static com.tanhdev.pullsecret.it.Workloads.spec;
import static com.tanhdev.pullsecret.kube.WebhookFixture.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tanhdev.pullsecret.kube.ApiAnswer;
import com.tanhdev.pullsecret.kube.PodSpecs;
import com.tanhdev.pullsecret.kube.TestNamespace;
import com.tanhdev.pullsecret.kube.WebhookExtension;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A pull secret that exists but cannot pull (wrong type, credentials for another registry) is
 * caught at admission: the user applying the manifest sees exactly what is wrong.
 */
class InvalidSecretTest {

  @RegisterExtension
  static final WebhookExtension webhook = WebhookExtension.withConfig("missingSecret: skip");

  private static final String GHCR_ONLY =
      "{\"auths\":{\"ghcr.io\":{\"auth\":\"Y2ktcHVsbDpub3QtYS1yZWFsLXRva2Vu\"}}}";

  @Test
  void an_opaque_secret_is_not_added_and_the_user_is_told_its_type() {
    TestNamespace namespace =
        webhook.fixture().newNamespace("opaque").withSecret(SECRET, "Opaque", GHCR_ONLY);

    ApiAnswer answer =
        webhook.fixture().api().create(pod(namespace, "api", spec(List.of(), REGISTRY_IMAGE)));

    assertThat(answer.succeeded()).as(answer.toString()).isTrue();
    assertThat(answer.warnings())
        .containsExactly(
            "pullsecret-webhook: secret "
                + SECRET
                + " is of type Opaque, not kubernetes.io/dockerconfigjson; not added");
    assertThat(answer.object(Pod.class).getSpec().getImagePullSecrets()).isEmpty();
  }

  @Test
  void a_secret_for_another_registry_is_not_added_to_a_deployment_and_the_user_is_told() {
    TestNamespace namespace =
        webhook
            .fixture()
            .newNamespace("wrong-registry")
            .withSecret(SECRET, "kubernetes.io/dockerconfigjson", GHCR_ONLY);

    ApiAnswer answer =
        webhook
            .fixture()
            .api()
            .create(deployment(namespace, "api", spec(List.of(), REGISTRY_IMAGE)));

    assertThat(answer.succeeded()).as(answer.toString()).isTrue();
    assertThat(answer.warnings())
        .containsExactly(
            "pullsecret-webhook: secret "
                + SECRET
                + " has no credentials for registry-api.tanhdev.com; not added");
    assertThat(PodSpecs.pullSecretNames(answer.object(Deployment.class))).isEmpty();
  }

  @Test
  void a_secret_fixed_in_place_is_added_to_the_next_pod() {
    TestNamespace namespace =
        webhook
            .fixture()
            .newNamespace("fixed")
            .withSecret(SECRET, "kubernetes.io/dockerconfigjson", GHCR_ONLY);
    webhook.fixture().api().create(pod(namespace, "before", spec(List.of(), REGISTRY_IMAGE)));

    webhook
        .fixture()
        .client()
        .secrets()
        .inNamespace(namespace.name())
        .withName(SECRET)
        .edit(
            secret -> {
              secret.setStringData(Map.of(".dockerconfigjson", TestNamespace.DOCKER_CONFIG));
              return secret;
            });

    await()
        .until(
            () ->
                webhook
                    .fixture()
                    .api()
                    .dryRunCreate(pod(namespace, "after", spec(List.of(), REGISTRY_IMAGE)))
                    .warnings()
                    .isEmpty());
    ApiAnswer answer =
        webhook.fixture().api().create(pod(namespace, "after", spec(List.of(), REGISTRY_IMAGE)));
    assertThat(PodSpecs.pullSecretNames(answer.object(Pod.class))).containsExactly(SECRET);
  }
}
