package com.tanhdev.pullsecret.kube;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.model.jackson.Jackson2JdkTypesModule;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kubernetes client every command uses. fabric8's default serialization looks up every model
 * class on the class path at its first use (about 610 classes and 0.2-0.4 s of a start, measured in
 * docs/benchmarks.md), so that it can read any kind by its apiVersion and kind alone. This process
 * reads only the kinds below, and only a kind read by name needs to be known: a watch event's
 * object (the informers' kinds, and the Status of a watch that failed) and nothing else, since
 * every other read is typed by its operation. The mapper is fabric8's own default.
 */
public final class KubernetesClients {

  /** The kinds a watch event or an untyped read can carry here. */
  static final List<Class<? extends KubernetesResource>> KINDS =
      List.of(
          Secret.class,
          Namespace.class,
          Lease.class,
          Event.class,
          ServiceAccount.class,
          MutatingWebhookConfiguration.class,
          Pod.class,
          ReplicationController.class,
          Deployment.class,
          StatefulSet.class,
          DaemonSet.class,
          ReplicaSet.class,
          Job.class,
          CronJob.class,
          Status.class);

  private KubernetesClients() {}

  /** A builder with this serialization; {@code build()} configures from the environment. */
  public static KubernetesClientBuilder builder() {
    return new KubernetesClientBuilder().withKubernetesSerialization(serialization());
  }

  /** A client configured from the kubeconfig or the pod's service account. */
  public static KubernetesClient create() {
    return builder().build();
  }

  static KubernetesSerialization serialization() {
    KubernetesSerialization serialization =
        new KubernetesSerialization(
            JsonMapper.builderWithJackson2Defaults()
                .addModule(new Jackson2JdkTypesModule())
                .build(),
            false);
    KINDS.forEach(serialization::registerKubernetesResource);
    return serialization;
  }
}
