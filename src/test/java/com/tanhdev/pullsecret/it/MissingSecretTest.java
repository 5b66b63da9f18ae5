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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The default missingSecret policy, skip: admit without the secret, and tell the user why. */
class MissingSecretTest {

  @RegisterExtension
  static final WebhookExtension webhook = WebhookExtension.withConfig("missingSecret: skip");

  private Pod readBack(TestNamespace namespace, String name) {
    return webhook.fixture().client().pods().inNamespace(namespace.name()).withName(name).get();
  }

  @Test
  void a_pod_is_stored_without_the_secret_and_the_user_is_warned() {
    TestNamespace namespace = webhook.fixture().newNamespace("missing");

    ApiAnswer answer =
        webhook.fixture().api().create(pod(namespace, "api", spec(List.of(), REGISTRY_IMAGE)));

    assertThat(answer.succeeded()).as(answer.toString()).isTrue();
    assertThat(answer.warnings()).containsExactly(Warnings.missingSecret(SECRET, namespace));
    assertThat(readBack(namespace, "api").getSpec().getImagePullSecrets()).isEmpty();
  }

  @Test
  void a_secret_created_later_is_added_to_the_next_pod() {
    TestNamespace namespace = webhook.fixture().newNamespace("missing");
    webhook.fixture().api().create(pod(namespace, "before", spec(List.of(), REGISTRY_IMAGE)));

    namespace.withPullSecret(SECRET);
    ApiAnswer answer =
        webhook.fixture().api().create(pod(namespace, "after", spec(List.of(), REGISTRY_IMAGE)));

    assertThat(answer.warnings()).isEmpty();
    assertThat(PodSpecs.pullSecretNames(readBack(namespace, "after"))).containsExactly(SECRET);
    assertThat(readBack(namespace, "before").getSpec().getImagePullSecrets()).isEmpty();
  }
}
