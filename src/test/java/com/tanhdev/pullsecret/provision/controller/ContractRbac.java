package com.tanhdev.pullsecret.provision.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/**
 * The provisioner's RBAC exactly as the provisioning contract lists it for the chart: reads of the
 * source by name, secret writes by name (create excepted, which cannot be limited by name),
 * namespaces read-only, Events, and its Lease. Used until the chart renders it.
 */
final class ContractRbac {

  private ContractRbac() {}

  /** Installs the RBAC for {@code scenario} and returns a config that acts as its account. */
  static Config install(KubernetesClient admin, ProvisioningScenario scenario, String leaseName) {
    String account = "provisioner-" + scenario.label;
    String namespace = scenario.release.name();
    List<HasMetadata> objects =
        List.of(
            new ServiceAccountBuilder()
                .withNewMetadata()
                .withName(account)
                .withNamespace(namespace)
                .endMetadata()
                .build(),
            new RoleBuilder()
                .withNewMetadata()
                .withName(account)
                .withNamespace(scenario.sources.name())
                .endMetadata()
                .withRules(rule("", "secrets", List.of(scenario.secret), "get", "list", "watch"))
                .build(),
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName(account)
                .withNamespace(scenario.sources.name())
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "Role", account)
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName(account)
                .withNamespace(namespace)
                .endSubject()
                .build(),
            new ClusterRoleBuilder()
                .withNewMetadata()
                .withName(account)
                .endMetadata()
                .withRules(
                    rule("", "secrets", List.of(), "create"),
                    rule(
                        "",
                        "secrets",
                        List.of(scenario.secret),
                        "get",
                        "list",
                        "watch",
                        "update",
                        "patch",
                        "delete"),
                    rule("", "namespaces", List.of(), "get", "list", "watch"),
                    rule("", "events", List.of(), "create", "patch"),
                    rule("events.k8s.io", "events", List.of(), "create", "patch"))
                .build(),
            new ClusterRoleBindingBuilder()
                .withNewMetadata()
                .withName(account)
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", account)
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName(account)
                .withNamespace(namespace)
                .endSubject()
                .build(),
            new RoleBuilder()
                .withNewMetadata()
                .withName(account)
                .withNamespace(namespace)
                .endMetadata()
                .withRules(
                    rule("coordination.k8s.io", "leases", List.of(leaseName), "get", "update"),
                    rule("coordination.k8s.io", "leases", List.of(), "create"))
                .build(),
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName(account)
                .withNamespace(namespace)
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "Role", account)
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName(account)
                .withNamespace(namespace)
                .endSubject()
                .build());
    objects.forEach(object -> admin.resource(object).create());
    return new ConfigBuilder(admin.getConfiguration())
        .withImpersonateUsername("system:serviceaccount:" + namespace + ":" + account)
        .withImpersonateGroups(
            "system:serviceaccounts", "system:serviceaccounts:" + namespace, "system:authenticated")
        .build();
  }

  private static io.fabric8.kubernetes.api.model.rbac.PolicyRule rule(
      String group, String resource, List<String> names, String... verbs) {
    return new PolicyRuleBuilder()
        .withApiGroups(group)
        .withResources(resource)
        .withResourceNames(names)
        .withVerbs(verbs)
        .build();
  }
}
