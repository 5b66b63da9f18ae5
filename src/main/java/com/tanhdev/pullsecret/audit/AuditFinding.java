package com.tanhdev.pullsecret.audit;

import java.util.Comparator;

/**
 * One thing that will (or already does) stop a pull from a configured registry. The components are,
 * in this order, the fields of a finding in {@code --output json}.
 *
 * @param namespace where it is
 * @param kind the object's kind: Secret for secret problems, else the workload's or Pod's kind
 * @param name the object's name (for secret problems, the secret's name)
 * @param secret the rule's secret concerned
 * @param problem one of the labels of {@link FindingProblem}
 * @param detail a sentence for the person reading the report; never secret data
 */
public record AuditFinding(
    String namespace, String kind, String name, String secret, String problem, String detail) {

  /** Namespace by namespace: first its secrets, then workloads, then failing pods. */
  static final Comparator<AuditFinding> REPORT_ORDER =
      Comparator.comparing(AuditFinding::namespace)
          .thenComparing(f -> f.kind().equals("Secret") ? 0 : 1)
          .thenComparing(AuditFinding::kind)
          .thenComparing(AuditFinding::name)
          .thenComparing(AuditFinding::secret)
          .thenComparing(AuditFinding::problem);
}
