package com.tanhdev.pullsecret.it;

import static com.tanhdev.pullsecret.it.Workloads.REGISTRY_IMAGE;
import static com.tanhdev.pullsecret.it.Workloads.pod;
import static com.tanhdev.pullsecret.it.Workloads.spec;
import static com.tanhdev.pullsecret.kube.WebhookFixture.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.tanhdev.pullsecret.kube.ApiAnswer;
import com.tanhdev.pullsecret.kube.TestNamespace;
import com.tanhdev.pullsecret.kube.WebhookExtension;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** mode: report changes nothing and says what enforce mode would have done. */
class ReportModeTest {

  @RegisterExtension
  static final WebhookExtension webhook =
      WebhookExtension.withConfig(
          """
          mode: report
          missingSecret: deny
          """);

  @Test
  void a_pod_is_stored_unchanged_and_the_user_is_told_what_would_be_added() {
    TestNamespace namespace = webhook.fixture().newNamespace("report").withPullSecret(SECRET);

    ApiAnswer answer =
        webhook.fixture().api().create(pod(namespace, "api", spec(List.of(), REGISTRY_IMAGE)));

    assertThat(answer.warnings())
        .containsExactly("pullsecret-webhook: report mode: would add " + SECRET);
    Pod stored =
        webhook.fixture().client().pods().inNamespace(namespace.name()).withName("api").get();
    assertThat(stored.getSpec().getImagePullSecrets()).isEmpty();
  }

  @Test
  void a_pod_that_enforce_mode_would_deny_is_admitted_with_a_warning() {
    TestNamespace namespace = webhook.fixture().newNamespace("report");

    ApiAnswer answer =
        webhook.fixture().api().create(pod(namespace, "api", spec(List.of(), REGISTRY_IMAGE)));

    assertThat(answer.succeeded()).as(answer.toString()).isTrue();
    assertThat(answer.warnings())
        .first()
        .asString()
        .startsWith("pullsecret-webhook: report mode: would deny");
    assertThat(answer.object(Pod.class).getSpec().getImagePullSecrets()).isEmpty();
  }
}
