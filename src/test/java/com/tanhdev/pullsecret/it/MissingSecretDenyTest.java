package com.tanhdev.pullsecret.it;

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
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** missingSecret: deny. Pods wait for the secret; templates are only warned about. */
class MissingSecretDenyTest {

  @RegisterExtension
  static final WebhookExtension webhook = WebhookExtension.withConfig("missingSecret: deny");

  @Test
  void a_pod_is_rejected_with_a_message_naming_the_missing_secret() {
    TestNamespace namespace = webhook.fixture().newNamespace("deny");

    ApiAnswer answer =
        webhook.fixture().api().create(pod(namespace, "api", spec(List.of(), REGISTRY_IMAGE)));

    assertThat(answer.succeeded()).isFalse();
    assertThat(answer.message())
        .contains("secret " + SECRET + " does not exist in namespace " + namespace.name());
    assertThat(
            webhook.fixture().client().pods().inNamespace(namespace.name()).withName("api").get())
        .isNull();
  }

  @Test
  void once_the_secret_exists_the_next_pod_is_admitted_with_it() {
    TestNamespace namespace = webhook.fixture().newNamespace("deny");
    ApiAnswer refused =
        webhook.fixture().api().create(pod(namespace, "api", spec(List.of(), REGISTRY_IMAGE)));

    namespace.withPullSecret(SECRET);
    ApiAnswer admitted =
        webhook.fixture().api().create(pod(namespace, "api", spec(List.of(), REGISTRY_IMAGE)));

    assertThat(refused.succeeded()).isFalse();
    assertThat(admitted.succeeded()).as(admitted.toString()).isTrue();
    assertThat(PodSpecs.pullSecretNames(admitted.object(Pod.class))).containsExactly(SECRET);
  }

  @Test
  void a_deployment_is_admitted_without_the_secret_and_with_a_warning() {
    TestNamespace namespace = webhook.fixture().newNamespace("deny");

    ApiAnswer answer =
        webhook
            .fixture()
            .api()
            .create(Workloads.deployment(namespace, "api", spec(List.of(), REGISTRY_IMAGE)));

    assertThat(answer.succeeded()).as(answer.toString()).isTrue();
    assertThat(answer.warnings()).singleElement().asString().contains("does not exist");
    assertThat(PodSpecs.pullSecretNames(answer.object(Deployment.class))).isEmpty();
  }
}
