package com.tanhdev.pullsecret.check;

import com.tanhdev.pullsecret.policy.NeededSecret;

/**
 * A workload whose images need a pull secret its {@code imagePullSecrets} does not list. The
 * components are, in this order, the fields of a finding in {@code --output json}.
 *
 * @param file where the workload was read from
 * @param line the 1-based line where its pod spec starts, or 0 when not known
 * @param column the 1-based column where its pod spec starts, or 0 when not known
 * @param kind the workload's kind
 * @param namespace its namespace, or "" when the manifest has none
 * @param name its name
 * @param container the first container pulling from the rule's registry
 * @param image that container's image, as written
 * @param secret the secret the rule names
 */
public record Finding(
    String file,
    int line,
    int column,
    String kind,
    String namespace,
    String name,
    String container,
    String image,
    String secret) {

  static Finding of(ScannedWorkload workload, NeededSecret needed) {
    WorkloadName name = workload.check().workload();
    int line = workload.podSpecMark().map(mark -> mark.getLine() + 1).orElse(0);
    int column = workload.podSpecMark().map(mark -> mark.getColumn() + 1).orElse(0);
    return new Finding(
        workload.document().file(),
        line,
        column,
        name.kind().kind(),
        name.namespace(),
        name.name(),
        needed.firstImage().container(),
        needed.firstImage().image(),
        needed.secret());
  }

  /** {@code file:line}, or the file alone when the line is not known. */
  public String place() {
    return line > 0 ? file + ":" + line : file;
  }
}
