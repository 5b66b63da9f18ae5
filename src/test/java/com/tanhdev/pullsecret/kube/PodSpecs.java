package com.tanhdev.pullsecret.kube;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;
import java.util.stream.Stream;

/** Finds the pod spec inside any workload kind the webhook patches, to read back what it did. */
public final class PodSpecs {

  private PodSpecs() {}

  public static PodSpec of(HasMetadata workload) {
    if (workload instanceof Pod pod) {
      return pod.getSpec();
    } else if (workload instanceof Deployment deployment) {
      return deployment.getSpec().getTemplate().getSpec();
    } else if (workload instanceof StatefulSet statefulSet) {
      return statefulSet.getSpec().getTemplate().getSpec();
    } else if (workload instanceof DaemonSet daemonSet) {
      return daemonSet.getSpec().getTemplate().getSpec();
    } else if (workload instanceof ReplicaSet replicaSet) {
      return replicaSet.getSpec().getTemplate().getSpec();
    } else if (workload instanceof Job job) {
      return job.getSpec().getTemplate().getSpec();
    } else if (workload instanceof CronJob cronJob) {
      return cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
    }
    throw new IllegalArgumentException("not a workload: " + workload.getKind());
  }

  /** The imagePullSecrets names, in order; empty when the field is absent. */
  public static List<String> pullSecretNames(HasMetadata workload) {
    return of(workload).getImagePullSecrets().stream().map(LocalObjectReference::getName).toList();
  }

  /** Every image of the regular and init containers, in order. */
  public static List<String> images(HasMetadata workload) {
    PodSpec spec = of(workload);
    return Stream.concat(spec.getInitContainers().stream(), spec.getContainers().stream())
        .map(Container::getImage)
        .toList();
  }
}
