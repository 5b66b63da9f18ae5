package com.tanhdev.pullsecret.it;

import com.tanhdev.pullsecret.kube.Deployments;
import com.tanhdev.pullsecret.kube.TestNamespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.List;
import java.util.Map;

/** Small valid workloads for the tests, built the way a user's manifest would look. */
final class Workloads {

  static final String REGISTRY_IMAGE = "registry-api.tanhdev.com/payment/api:2.4.1";
  static final String OPT_OUT = "pullsecret.tanhdev.com/inject";

  /** Webhook config that intercepts every workload kind these helpers make. */
  static final String EVERY_KIND =
      """
      kinds:
        Pod: [CREATE]
        Deployment: [CREATE, UPDATE]
        Job: [CREATE]
        CronJob: [CREATE, UPDATE]
        StatefulSet: [CREATE, UPDATE]
      """;

  private static final Map<String, String> APP_LABELS = Map.of("app", "under-test");

  private Workloads() {}

  /** A pod spec with one container per image and, when given, the user's own pull secrets. */
  static PodSpec spec(List<String> pullSecrets, String... images) {
    PodSpecBuilder spec = new PodSpecBuilder();
    for (int i = 0; i < images.length; i++) {
      spec.addNewContainer().withName("c" + i).withImage(images[i]).endContainer();
    }
    pullSecrets.forEach(name -> spec.addNewImagePullSecret(name));
    return spec.build();
  }

  static Pod pod(TestNamespace namespace, String name, PodSpec spec) {
    return new PodBuilder().withMetadata(meta(namespace, name)).withSpec(spec).build();
  }

  static Deployment deployment(TestNamespace namespace, String name, PodSpec spec) {
    return Deployments.of(namespace.name(), name, APP_LABELS, spec).build();
  }

  static StatefulSet statefulSet(TestNamespace namespace, String name, PodSpec spec) {
    return new StatefulSetBuilder()
        .withMetadata(meta(namespace, name))
        .withNewSpec()
        .withServiceName(name)
        .withNewSelector()
        .withMatchLabels(APP_LABELS)
        .endSelector()
        .withTemplate(template(spec))
        .endSpec()
        .build();
  }

  static Job job(TestNamespace namespace, String name, PodSpec spec) {
    return new JobBuilder()
        .withMetadata(meta(namespace, name))
        .withNewSpec()
        .withTemplate(template(onFailureNever(spec)))
        .endSpec()
        .build();
  }

  static CronJob cronJob(TestNamespace namespace, String name, PodSpec spec) {
    return new CronJobBuilder()
        .withMetadata(meta(namespace, name))
        .withNewSpec()
        .withSchedule("0 3 * * *")
        .withNewJobTemplate()
        .withNewSpec()
        .withTemplate(template(onFailureNever(spec)))
        .endSpec()
        .endJobTemplate()
        .endSpec()
        .build();
  }

  /**
   * The Job that {@code kubectl create job NAME --from=cronjob/...} makes: the CronJob's stored job
   * template, owned by the CronJob, marked as a manual run.
   */
  static Job manualRun(CronJob cronJob, String name) {
    return new JobBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(cronJob.getMetadata().getNamespace())
        .addToAnnotations("cronjob.kubernetes.io/instantiate", "manual")
        .addNewOwnerReference()
        .withApiVersion("batch/v1")
        .withKind("CronJob")
        .withName(cronJob.getMetadata().getName())
        .withUid(cronJob.getMetadata().getUid())
        .withController(true)
        .endOwnerReference()
        .endMetadata()
        .withSpec(cronJob.getSpec().getJobTemplate().getSpec())
        .build();
  }

  private static ObjectMeta meta(TestNamespace namespace, String name) {
    return new ObjectMetaBuilder().withName(name).withNamespace(namespace.name()).build();
  }

  private static PodTemplateSpec template(PodSpec spec) {
    return new PodTemplateSpecBuilder()
        .withNewMetadata()
        .withLabels(APP_LABELS)
        .endMetadata()
        .withSpec(spec)
        .build();
  }

  // Jobs refuse the default restartPolicy Always.
  private static PodSpec onFailureNever(PodSpec spec) {
    return new PodSpecBuilder(spec).withRestartPolicy("Never").build();
  }
}
