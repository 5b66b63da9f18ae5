package com.tanhdev.pullsecret.policy;

import com.tanhdev.pullsecret.podspec.WorkloadKind;
import com.tanhdev.pullsecret.provision.ProvisionedNamespaces;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of the configuration that decides what happens to an object. It can be swapped at run
 * time when the mounted config file changes.
 *
 * @param rules registry-to-secret rules, in the order written
 * @param mode enforce or report
 * @param missingSecret what to do when a needed secret is not in the namespace
 * @param kinds the kinds handled and, for each, the operations handled
 * @param lookupTimeout how long a live secret read on a cache miss may take
 * @param provisioned which secrets the provisioner copies into which namespaces: such a secret is
 *     added even before its copy exists
 */
public record PolicySettings(
    List<RegistryRule> rules,
    Mode mode,
    MissingSecretPolicy missingSecret,
    Map<WorkloadKind, Set<Operation>> kinds,
    Duration lookupTimeout,
    ProvisionedNamespaces provisioned) {

  public PolicySettings {
    rules = List.copyOf(rules);
    kinds = Map.copyOf(kinds);
    provisioned = provisioned == null ? ProvisionedNamespaces.NONE : provisioned;
  }

  /** Settings without provisioning. */
  public PolicySettings(
      List<RegistryRule> rules,
      Mode mode,
      MissingSecretPolicy missingSecret,
      Map<WorkloadKind, Set<Operation>> kinds,
      Duration lookupTimeout) {
    this(rules, mode, missingSecret, kinds, lookupTimeout, ProvisionedNamespaces.NONE);
  }

  /** The defaults: one rule for the platform registry, Pods, Deployments and Jobs. */
  public static PolicySettings defaults() {
    return new PolicySettings(
        List.of(new RegistryRule("registry-api.tanhdev.com", "registry-api-tanhdev")),
        Mode.ENFORCE,
        MissingSecretPolicy.SKIP,
        Map.of(
            WorkloadKind.POD, EnumSet.of(Operation.CREATE),
            WorkloadKind.DEPLOYMENT, EnumSet.of(Operation.CREATE, Operation.UPDATE),
            WorkloadKind.JOB, EnumSet.of(Operation.CREATE)),
        Duration.ofMillis(300));
  }

  public boolean handles(WorkloadKind kind, Operation operation) {
    Set<Operation> operations = kinds.get(kind);
    return operations != null && operations.contains(operation);
  }

  /**
   * Every secret some rule names, in rule order, with the registries the rules pair it with; the
   * lookup watches exactly these names and reads each copy's credentials for those registries.
   */
  public Map<String, Set<String>> registriesBySecret() {
    Map<String, Set<String>> registries = new LinkedHashMap<>();
    rules.forEach(
        rule ->
            registries
                .computeIfAbsent(rule.secret(), s -> new LinkedHashSet<>())
                .add(rule.registry()));
    return registries;
  }
}
