package com.tanhdev.pullsecret.cli;

import com.tanhdev.pullsecret.kube.Deployments;
import com.tanhdev.pullsecret.kube.TestNamespace;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;

/**
 * A cluster as the platform team has it before the webhook, or despite it: namespaces with a valid,
 * a missing, a wrong-type and a wrong-registry secret, workloads that never got the secret, one
 * opted out, one covered by its ServiceAccount, and a Pod stuck in ImagePullBackOff. Nothing here
 * passes through the webhook: the API server only stores what it is given.
 */
record AuditScenario(
    TestNamespace valid, TestNamespace missing, TestNamespace opaque, TestNamespace ghcrOnly) {

  static final String SECRET = "registry-api-tanhdev";
  static final String API_IMAGE = "registry-api.tanhdev.com/auth/api:1.9.0";
  static final String WORKER_IMAGE = "registry-api.tanhdev.com/order/worker:3.2.0";
  static final String GHCR_ONLY =
      "{\"auths\":{\"ghcr.io\":{\"auth\":\"Y2ktcHVsbDpub3QtYS1yZWFsLXRva2Vu\"}}}";

  static AuditScenario prepare(KubernetesClient client) {
    Map<String, String> noLabels = Map.of();
    TestNamespace valid = TestNamespace.create(client, "auth-dev", noLabels).withPullSecret(SECRET);
    TestNamespace missing = TestNamespace.create(client, "search-dev", noLabels);
    TestNamespace opaque =
        TestNamespace.create(client, "order-dev", noLabels)
            .withSecret(SECRET, "Opaque", TestNamespace.DOCKER_CONFIG);
    TestNamespace ghcrOnly =
        TestNamespace.create(client, "payment-dev", noLabels)
            .withSecret(SECRET, "kubernetes.io/dockerconfigjson", GHCR_ONLY);

    // Valid namespace: one workload lists the secret, one gets it from its ServiceAccount, and
    // a ReplicaSet owned by a Deployment is audited through its owner only.
    create(client, deployment(valid, "auth-api", spec(List.of(SECRET), API_IMAGE), Map.of()));
    client
        .serviceAccounts()
        .inNamespace(valid.name())
        .resource(
            new ServiceAccountBuilder()
                .withNewMetadata()
                .withName("auth-worker")
                .endMetadata()
                .addNewImagePullSecret(SECRET)
                .build())
        .create();
    PodSpec bySa =
        new PodSpecBuilder(spec(List.of(), WORKER_IMAGE))
            .withServiceAccountName("auth-worker")
            .build();
    create(client, deployment(valid, "auth-worker", bySa, Map.of()));
    create(
        client,
        new ReplicaSetBuilder()
            .withNewMetadata()
            .withName("auth-api-6d4cf56db6")
            .withNamespace(valid.name())
            .addNewOwnerReference()
            .withApiVersion("apps/v1")
            .withKind("Deployment")
            .withName("auth-api")
            .withUid("00000000-0000-0000-0000-000000000001")
            .endOwnerReference()
            .endMetadata()
            .withNewSpec()
            .withNewSelector()
            .withMatchLabels(Map.of("app", "auth-api"))
            .endSelector()
            .withNewTemplate()
            .withNewMetadata()
            .withLabels(Map.of("app", "auth-api"))
            .endMetadata()
            .withSpec(spec(List.of(), API_IMAGE))
            .endTemplate()
            .endSpec()
            .build());

    // Missing secret: a Deployment and a CronJob created before the webhook.
    create(client, deployment(missing, "search-api", spec(List.of(), API_IMAGE), Map.of()));
    create(
        client,
        new CronJobBuilder()
            .withNewMetadata()
            .withName("search-reindex")
            .withNamespace(missing.name())
            .endMetadata()
            .withNewSpec()
            .withSchedule("0 3 * * *")
            .withNewJobTemplate()
            .withNewSpec()
            .withNewTemplate()
            .withSpec(
                new PodSpecBuilder(spec(List.of(), WORKER_IMAGE))
                    .withRestartPolicy("OnFailure")
                    .build())
            .endTemplate()
            .endSpec()
            .endJobTemplate()
            .endSpec()
            .build());

    // Wrong registry: an opted-out Deployment, and a Pod that lists the secret and fails to pull.
    create(
        client,
        deployment(
            ghcrOnly,
            "payment-api",
            spec(List.of(), API_IMAGE),
            Map.of("pullsecret.tanhdev.com/inject", "false")));
    Pod failing =
        client
            .pods()
            .inNamespace(ghcrOnly.name())
            .resource(
                new PodBuilder()
                    .withNewMetadata()
                    .withName("payment-api-0")
                    .withNamespace(ghcrOnly.name())
                    .endMetadata()
                    .withSpec(spec(List.of(SECRET), API_IMAGE))
                    .build())
            .create();
    failing.setStatus(
        new PodStatusBuilder()
            .withPhase("Pending")
            .addToContainerStatuses(
                new ContainerStatusBuilder()
                    .withName("app")
                    .withImage(API_IMAGE)
                    .withImageID("")
                    .withReady(false)
                    .withRestartCount(0)
                    .withNewState()
                    .withNewWaiting()
                    .withReason("ImagePullBackOff")
                    .withMessage("Back-off pulling image \"" + API_IMAGE + "\"")
                    .endWaiting()
                    .endState()
                    .build())
            .build());
    client.pods().inNamespace(ghcrOnly.name()).resource(failing).updateStatus();
    return new AuditScenario(valid, missing, opaque, ghcrOnly);
  }

  List<String> namespaceNames() {
    return List.of(valid.name(), missing.name(), opaque.name(), ghcrOnly.name());
  }

  private static void create(KubernetesClient client, HasMetadata object) {
    client.resource(object).create();
  }

  private static PodSpec spec(List<String> pullSecrets, String image) {
    PodSpecBuilder spec =
        new PodSpecBuilder().addNewContainer().withName("app").withImage(image).endContainer();
    pullSecrets.forEach(spec::addNewImagePullSecret);
    return spec.build();
  }

  private static HasMetadata deployment(
      TestNamespace namespace, String name, PodSpec spec, Map<String, String> annotations) {
    return Deployments.of(namespace.name(), name, Map.of("app", name), spec)
        .editMetadata()
        .withAnnotations(annotations)
        .endMetadata()
        .build();
  }
}
