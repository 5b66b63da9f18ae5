package com.tanhdev.pullsecret.policy;

import com.tanhdev.pullsecret.lookup.LookupResult;
import com.tanhdev.pullsecret.podspec.WorkloadKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the missing-secret policy to each checked secret and sums them up into one outcome. A
 * secret that exists but cannot pull from its registry (wrong type, unreadable, no credentials for
 * it) is treated like a missing one, because the pod's pull fails the same way.
 */
final class SecretVerdicts {

  private final MissingSecretPolicy policy;
  private final WorkloadKind kind;
  private final String namespace;
  private final List<SecretCheck> checks = new ArrayList<>();
  private final List<String> toAdd = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final List<String> denied = new ArrayList<>();
  private boolean anyMissing;
  private boolean anyInvalid;
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
    if (check.isBeingProvisioned()) {
      // Whatever missingSecret says: the copy is on its way and the kubelet retries the pull.
      toAdd.add(check.secret());
      warnings.add(
          "secret "
              + check.secret()
              + " is not in namespace "
              + namespace
              + " yet; added, it is being provisioned");
      return;
    }
    boolean invalid = check.isInvalid();
    boolean unknown = !invalid && check.lookup() == LookupResult.ERROR;
    anyInvalid |= invalid;
    anyUnknown |= unknown;
    anyMissing |= !invalid && !unknown;
    switch (policy) {
      case INJECT -> {
        toAdd.add(check.secret());
        warnings.add(problem(check, false) + "; added anyway");
      }
      case DENY -> {
        if (kind.isPod()) {
          denied.add(problem(check, true));
        } else {
          warnings.add(problem(check, false) + "; not added, its pods are denied");
        }
      }
      case SKIP -> warnings.add(problem(check, false) + "; not added");
    }
  }

  /**
   * What is wrong. A warning must fit 120 characters with the response's prefix, so an invalid
   * secret's warning leaves out the namespace (the one the user is applying to), because the
   * problem itself takes the room; a denial's message has no such limit and names it.
   */
  private String problem(SecretCheck check, boolean namingNamespace) {
    if (check.isInvalid()) {
      return "secret "
          + check.secret()
          + (namingNamespace ? " in namespace " + namespace + " " : " ")
          + check.problemDescription();
    }
    return check.lookup() == LookupResult.ERROR
        ? "could not confirm that secret " + check.secret() + " exists in namespace " + namespace
        : "secret " + check.secret() + " does not exist in namespace " + namespace;
  }

  Outcome outcome() {
    if (!denied.isEmpty()) {
      return anyMissing || anyUnknown
          ? Outcome.DENIED_MISSING_SECRET
          : Outcome.DENIED_INVALID_SECRET;
    }
    if (!toAdd.isEmpty()) {
      return Outcome.INJECTED;
    }
    if (anyMissing) {
      return Outcome.SKIPPED_MISSING_SECRET;
    }
    if (anyInvalid) {
      return Outcome.SKIPPED_INVALID_SECRET;
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
    String fix =
        anyInvalid
            ? ": create or fix the image pull secret in this namespace"
            : ": create the image pull secret in this namespace";
    return String.join("; ", denied) + fix + "; the pod's controller will retry";
  }
}
