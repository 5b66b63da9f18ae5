package com.tanhdev.pullsecret.it;

import static com.tanhdev.pullsecret.it.Workloads.REGISTRY_IMAGE;
import static com.tanhdev.pullsecret.it.Workloads.spec;
import static com.tanhdev.pullsecret.kube.WebhookFixture.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tanhdev.pullsecret.kube.PodSpecs;
import com.tanhdev.pullsecret.kube.TestNamespace;
import com.tanhdev.pullsecret.kube.WebhookExtension;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a user checks first ({@code kubectl get pod -o yaml | grep -A2 imagePullSecrets}): the
 * ReplicaSets, Jobs and Pods that kube-controller-manager makes from workloads applied without any
 * pull secret carry it. The Pods stay Pending (there is no kubelet), which is enough: a Pod's
 * imagePullSecrets are fixed when it is created.
 */
class ControllerMadePodsTest {

  @RegisterExtension
  static final WebhookExtension webhook =
      WebhookExtension.withConfig(Workloads.EVERY_KIND).withControllerManager();

  // Namespace deletion walks every resource type; seconds on an idle machine, more on a busy one.
  private static final Duration CONTROLLERS_ACT = Duration.ofSeconds(60);

  private final KubernetesClient client = webhook.fixture().client();
  private final TestNamespace namespace =
      webhook.fixture().newNamespace("controllers").withPullSecret(SECRET);

  @Test
  void a_deployment_applied_without_pull_secrets_makes_replica_sets_and_pods_that_carry_it() {
    client
        .resource(Workloads.deployment(namespace, "api", spec(List.of(), REGISTRY_IMAGE)))
        .create();

    List<ReplicaSet> replicaSets =
        awaitSome(
            () -> client.apps().replicaSets().inNamespace(namespace.name()).list().getItems());
    List<Pod> pods = awaitPods();

    assertEveryOneCarriesTheSecret(replicaSets);
    assertEveryOneCarriesTheSecret(pods);
    assertThat(pods).allSatisfy(pod -> assertThat(ownerKind(pod)).isEqualTo("ReplicaSet"));
  }

  @Test
  void a_job_applied_without_pull_secrets_makes_pods_that_carry_it() {
    client.resource(Workloads.job(namespace, "migrate", spec(List.of(), REGISTRY_IMAGE))).create();

    List<Pod> pods = awaitPods();

    assertEveryOneCarriesTheSecret(pods);
    assertThat(pods).allSatisfy(pod -> assertThat(ownerKind(pod)).isEqualTo("Job"));
  }

  @Test
  void a_job_made_from_a_cronjob_applied_without_pull_secrets_makes_pods_that_carry_it() {
    CronJob cronJob =
        client
            .resource(Workloads.cronJob(namespace, "report", spec(List.of(), REGISTRY_IMAGE)))
            .create();

    Job job = client.resource(Workloads.manualRun(cronJob, "report-manual")).create();
    List<Pod> pods = awaitPods();

    assertEveryOneCarriesTheSecret(List.of(job));
    assertEveryOneCarriesTheSecret(pods);
    assertThat(pods).allSatisfy(pod -> assertThat(ownerKind(pod)).isEqualTo("Job"));
  }

  @Test
  void a_deleted_namespace_with_workloads_and_pods_disappears() {
    client
        .resource(Workloads.deployment(namespace, "api", spec(List.of(), REGISTRY_IMAGE)))
        .create();
    awaitPods();

    client.namespaces().withName(namespace.name()).delete();

    await("namespace " + namespace + " is gone")
        .atMost(CONTROLLERS_ACT)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> client.namespaces().withName(namespace.name()).get() == null);
  }

  private List<Pod> awaitPods() {
    return awaitSome(() -> client.pods().inNamespace(namespace.name()).list().getItems());
  }

  private static <T> List<T> awaitSome(Supplier<List<T>> list) {
    return await()
        .atMost(CONTROLLERS_ACT)
        .pollInterval(Duration.ofMillis(200))
        .until(list::get, items -> !items.isEmpty());
  }

  private static void assertEveryOneCarriesTheSecret(List<? extends HasMetadata> objects) {
    assertThat(objects)
        .isNotEmpty()
        .allSatisfy(
            object ->
                assertThat(PodSpecs.pullSecretNames(object))
                    .as(object.getKind() + " " + object.getMetadata().getName())
                    .containsExactly(SECRET));
  }

  private static String ownerKind(HasMetadata object) {
    return object.getMetadata().getOwnerReferences().get(0).getKind();
  }
}
