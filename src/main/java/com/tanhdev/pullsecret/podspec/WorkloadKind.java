package com.tanhdev.pullsecret.podspec;

import java.util.Optional;

/**
 * The kinds whose pod spec this webhook can patch, with the JSON Pointer to that pod spec. The
 * group matters: a CRD named {@code Deployment} in another group is not ours to touch.
 */
public enum WorkloadKind {
  POD("", "Pod", "/spec"),
  DEPLOYMENT("apps", "Deployment", "/spec/template/spec"),
  STATEFUL_SET("apps", "StatefulSet", "/spec/template/spec"),
  DAEMON_SET("apps", "DaemonSet", "/spec/template/spec"),
  REPLICA_SET("apps", "ReplicaSet", "/spec/template/spec"),
  JOB("batch", "Job", "/spec/template/spec"),
  CRON_JOB("batch", "CronJob", "/spec/jobTemplate/spec/template/spec");

  private final String group;
  private final String kind;
  private final String podSpecPointer;

  WorkloadKind(String group, String kind, String podSpecPointer) {
    this.group = group;
    this.kind = kind;
    this.podSpecPointer = podSpecPointer;
  }

  public String group() {
    return group;
  }

  /** The kind as Kubernetes spells it ({@code CronJob}). */
  public String kind() {
    return kind;
  }

  /** JSON Pointer of the pod spec inside an object of this kind. */
  public String podSpecPointer() {
    return podSpecPointer;
  }

  /** JSON Pointer of the object that carries the opt-out annotation (the Pod or its template). */
  public String annotatedMetadataPointer() {
    return podSpecPointer.substring(0, podSpecPointer.length() - "spec".length()) + "metadata";
  }

  public boolean isPod() {
    return this == POD;
  }

  /** Looks a kind up by its API group and name; empty for anything this webhook does not patch. */
  public static Optional<WorkloadKind> of(String group, String kind) {
    String wantedGroup = group == null ? "" : group;
    for (WorkloadKind candidate : values()) {
      if (candidate.group.equals(wantedGroup) && candidate.kind.equals(kind)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Looks a kind up by name alone, for config files and manifests where the group is implied. */
  public static Optional<WorkloadKind> named(String kind) {
    for (WorkloadKind candidate : values()) {
      if (candidate.kind.equals(kind)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
