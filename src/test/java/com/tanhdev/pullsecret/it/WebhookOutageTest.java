package com.tanhdev.pullsecret.it;

import static com.tanhdev.pullsecret.it.Workloads.REGISTRY_IMAGE;
import static com.tanhdev.pullsecret.it.Workloads.pod;
import static com.tanhdev.pullsecret.it.Workloads.spec;
import static com.tanhdev.pullsecret.kube.WebhookFixture.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.tanhdev.pullsecret.kube.ApiAnswer;
import com.tanhdev.pullsecret.kube.ControlPlane;
import com.tanhdev.pullsecret.kube.ControlPlaneExtension;
import com.tanhdev.pullsecret.kube.TestNamespace;
import com.tanhdev.pullsecret.kube.WebhookConfigSource;
import com.tanhdev.pullsecret.kube.WebhookFixture;
import com.tanhdev.pullsecret.kube.WebhookFixture.FailurePolicy;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the registration's failurePolicy does when the webhook is down: the API server decides. */
@ExtendWith(ControlPlaneExtension.class)
class WebhookOutageTest {

  private static ApiAnswer createPodWhileTheWebhookIsDown(
      ControlPlane plane, FailurePolicy failurePolicy) {
    try (WebhookFixture webhook =
        WebhookFixture.start(plane, WebhookConfigSource.embeddedDefault(), failurePolicy)) {
      TestNamespace namespace = webhook.newNamespace("outage").withPullSecret(SECRET);
      webhook.stopServer();
      return webhook.api().create(pod(namespace, "api", spec(List.of(), REGISTRY_IMAGE)));
    }
  }

  @Test
  void with_failure_policy_ignore_pods_are_admitted_unpatched(ControlPlane plane) {
    ApiAnswer answer = createPodWhileTheWebhookIsDown(plane, FailurePolicy.IGNORE);

    assertThat(answer.succeeded()).as(answer.toString()).isTrue();
    assertThat(answer.object(Pod.class).getSpec().getImagePullSecrets()).isEmpty();
  }

  @Test
  void with_failure_policy_fail_pods_are_rejected_with_the_api_servers_webhook_error(
      ControlPlane plane) {
    ApiAnswer answer = createPodWhileTheWebhookIsDown(plane, FailurePolicy.FAIL);

    assertThat(answer.succeeded()).isFalse();
    assertThat(answer.message())
        .contains("failed calling webhook \"pullsecret.tanhdev.com\"")
        .contains("connection refused");
  }
}
