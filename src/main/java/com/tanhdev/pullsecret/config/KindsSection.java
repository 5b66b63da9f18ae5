package com.tanhdev.pullsecret.config;

import com.tanhdev.pullsecret.podspec.WorkloadKind;
import com.tanhdev.pullsecret.policy.Operation;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Parses {@code kinds}: which kinds are handled, and on which operations. */
final class KindsSection {

  Map<WorkloadKind, Set<Operation>> parse(ConfigNode kinds) {
    Map<WorkloadKind, Set<Operation>> result = new EnumMap<>(WorkloadKind.class);
    if (kinds == null) {
      return result;
    }
    for (String name : kinds.keys()) {
      Optional<WorkloadKind> kind = WorkloadKind.named(name);
      if (kind.isEmpty()) {
        kinds.problem(
            name,
            "unknown kind (supported: Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob)");
        continue;
      }
      Set<Operation> operations = EnumSet.noneOf(Operation.class);
      for (String written : kinds.strings(name)) {
        // Hand-written files say "create" as often as "CREATE"; both mean the wire name.
        String text = written.toUpperCase(Locale.ROOT);
        Operation operation = Operation.fromWire(text);
        if (operation != Operation.CREATE && operation != Operation.UPDATE) {
          kinds.problem(name, "operations must be CREATE or UPDATE, got \"" + text + "\"");
        } else if (operation == Operation.UPDATE && isImmutable(kind.get())) {
          kinds.problem(
              name, "UPDATE cannot be handled: " + name + " " + immutableReason(kind.get()));
        } else {
          operations.add(operation);
        }
      }
      result.put(kind.get(), operations);
    }
    return result;
  }

  private static boolean isImmutable(WorkloadKind kind) {
    return kind == WorkloadKind.POD || kind == WorkloadKind.JOB;
  }

  private static String immutableReason(WorkloadKind kind) {
    return kind == WorkloadKind.POD
        ? "imagePullSecrets cannot change after creation"
        : "pod templates cannot change after creation";
  }
}
