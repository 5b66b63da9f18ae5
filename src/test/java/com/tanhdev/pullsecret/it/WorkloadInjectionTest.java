package com.tanhdev.pullsecret.it;

import static com.tanhdev.pullsecret.it.Workloads.OPT_OUT;
import static com.tanhdev.pullsecret.it.Workloads.REGISTRY_IMAGE;
import static com.tanhdev.pullsecret.it.Workloads.spec;
import static com.tanhdev.pullsecret.kube.WebhookFixture.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.tanhdev.pullsecret.kube.PodSpecs;
import com.tanhdev.pullsecret.kube.TestNamespace;
import com.tanhdev.pullsecret.kube.WebhookExtension;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Workload templates created and updated through the API server, read back from storage. */
class WorkloadInjectionTest {

  @RegisterExtension
  static final WebhookExtension webhook = WebhookExtension.withConfig(Workloads.EVERY_KIND);

  private static final PodSpec USERS_SPEC =
      spec(List.of("zeta-creds", "alpha-creds"), "redis:7.4", REGISTRY_IMAGE);

  private KubernetesClient client() {
    return webhook.fixture().client();
  }

  private TestNamespace namespaceWithSecret() {
    return webhook.fixture().newNamespace("workloads").withPullSecret(SECRET);
  }

  private <T extends HasMetadata> T createAndReadBack(T workload) {
    client().resource(workload).create();
    @SuppressWarnings("unchecked")
    Class<T> type = (Class<T>) workload.getClass();
    return client()
        .resources(type)
        .inNamespace(workload.getMetadata().getNamespace())
        .withName(workload.getMetadata().getName())
        .get();
  }

  private void assertInjectedAfterTheUsersEntries(HasMetadata stored) {
    assertThat(PodSpecs.pullSecretNames(stored))
        .containsExactly("zeta-creds", "alpha-creds", SECRET);
  }

  @Test
  void a_deployment_template_gets_the_secret_after_the_users_entries() {
    assertInjectedAfterTheUsersEntries(
        createAndReadBack(Workloads.deployment(namespaceWithSecret(), "api", USERS_SPEC)));
  }

  @Test
  void a_job_template_gets_the_secret_after_the_users_entries() {
    assertInjectedAfterTheUsersEntries(
        createAndReadBack(Workloads.job(namespaceWithSecret(), "migrate", USERS_SPEC)));
  }

  @Test
  void a_cronjob_job_template_gets_the_secret_when_cronjobs_are_enabled() {
    assertInjectedAfterTheUsersEntries(
        createAndReadBack(Workloads.cronJob(namespaceWithSecret(), "report", USERS_SPEC)));
  }

  @Test
  void a_statefulset_template_gets_the_secret_when_statefulsets_are_enabled() {
    assertInjectedAfterTheUsersEntries(
        createAndReadBack(Workloads.statefulSet(namespaceWithSecret(), "ledger", USERS_SPEC)));
  }

  @Test
  void a_deployment_pulling_only_public_images_is_stored_unchanged() {
    Deployment stored =
        createAndReadBack(
            Workloads.deployment(namespaceWithSecret(), "web", spec(List.of(), "nginx:1.27")));

    assertThat(PodSpecs.pullSecretNames(stored)).isEmpty();
  }

  @Test
  void a_deployment_update_that_moves_an_image_to_the_registry_gets_the_secret() {
    TestNamespace namespace = namespaceWithSecret();
    createAndReadBack(Workloads.deployment(namespace, "api", spec(List.of(), "nginx:1.27")));

    client()
        .apps()
        .deployments()
        .inNamespace(namespace.name())
        .withName("api")
        .edit(
            deployment ->
                new DeploymentBuilder(deployment)
                    .editSpec()
                    .editTemplate()
                    .editSpec()
                    .editFirstContainer()
                    .withImage(REGISTRY_IMAGE)
                    .endContainer()
                    .endSpec()
                    .endTemplate()
                    .endSpec()
                    .build());

    Deployment stored =
        client().apps().deployments().inNamespace(namespace.name()).withName("api").get();
    assertThat(PodSpecs.images(stored)).containsExactly(REGISTRY_IMAGE);
    assertThat(PodSpecs.pullSecretNames(stored)).containsExactly(SECRET);
  }

  @Test
  void a_deployment_opted_out_on_its_pod_template_is_stored_unchanged() {
    Deployment deployment =
        new DeploymentBuilder(
                Workloads.deployment(namespaceWithSecret(), "api", spec(List.of(), REGISTRY_IMAGE)))
            .editSpec()
            .editTemplate()
            .editMetadata()
            .addToAnnotations(OPT_OUT, "false")
            .endMetadata()
            .endTemplate()
            .endSpec()
            .build();

    assertThat(PodSpecs.pullSecretNames(createAndReadBack(deployment))).isEmpty();
  }
}
