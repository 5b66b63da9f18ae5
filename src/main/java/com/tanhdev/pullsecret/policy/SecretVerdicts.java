package com.tanhdev.pullsecret.policy;

import com.tanhdev.pullsecret.lookup.LookupResult;
import java.util.ArrayList;
import java.util.List;

/** Applies the missing-secret policy to each checked secret and sums them up into one outcome. */
final class SecretVerdicts {

  private final MissingSecretPolicy policy;
  private final WorkloadKind kind;
  private final String namespace;
  private final List<SecretCheck> checks = new ArrayList<>();
  private final List<String> toAdd = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final List<String> denied = new ArrayList<>();
  private boolean anyMissing;
  private boolean anyUnknown;

  SecretVerdicts(MissingSecretPolicy policy, WorkloadKind kind, String namespace) {
    this.policy = policy;
    this.kind = kind;
    this.namespace = namespace;
  }

  void add(SecretCheck check) {
    checks.add(check);
    if (check.alreadyListed()) {
      return;
    }
    if (check.isSatisfied()) {
      toAdd.add(check.secret());
      return;
    }
    boolean unknown = check.lookup() == LookupResult.ERROR;
    anyUnknown |= unknown;
    anyMissing |= !unknown;
    String problem =
        unknown
            ? "could not confirm that secret "
                + check.secret()
                + " exists in namespace "
                + namespace
            : "secret " + check.secret() + " does not exist in namespace " + namespace;
    switch (policy) {
      case INJECT -> {
        toAdd.add(check.secret());
        warnings.add(problem + "; added anyway, image pulls fail until it exists");
      }
      case DENY -> {
        if (kind.isPod()) {
          denied.add(problem);
        } else {
          warnings.add(
              problem + "; not added (pods from this template are denied until it exists)");
        }
      }
      case SKIP -> warnings.add(problem + "; not added");
    }
  }

  Outcome outcome() {
    if (!denied.isEmpty()) {
      return Outcome.DENIED_MISSING_SECRET;
    }
    if (!toAdd.isEmpty()) {
      return Outcome.INJECTED;
    }
    if (anyMissing) {
      return Outcome.SKIPPED_MISSING_SECRET;
    }
    return anyUnknown ? Outcome.SKIPPED_UNKNOWN_SECRET : Outcome.ALREADY_PRESENT;
  }

  List<String> secretsToAdd() {
    return denied.isEmpty() ? toAdd : List.of();
  }

  List<SecretCheck> checks() {
    return checks;
  }

  List<String> warnings() {
    return warnings;
  }

  String denyMessage() {
    if (denied.isEmpty()) {
      return null;
    }
    return String.join("; ", denied)
        + ": create the image pull secret in this namespace; the pod's controller will retry";
  }
}
