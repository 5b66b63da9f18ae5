package com.tanhdev.pullsecret.audit;

import com.tanhdev.pullsecret.lookup.PullSecretReader;
import com.tanhdev.pullsecret.lookup.SecretFacts;
import com.tanhdev.pullsecret.podspec.WorkloadKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what {@code audit} checks, with list calls only (one per kind, cluster-wide unless
 * namespaces are named), so a read-only ServiceAccount can run it. Secrets are listed by name with
 * a field selector, which RBAC restricted by {@code resourceNames} allows; each is read into its
 * facts at once and its data dropped.
 */
final class ClusterReader {

  private final KubernetesClient client;
  private final JsonMapper json;
  private final PullSecretReader secretReader;

  ClusterReader(KubernetesClient client, JsonMapper json) {
    this.client = client;
    this.json = json;
    this.secretReader = new PullSecretReader(json);
  }

  /**
   * @param selection which namespaces count when none are named
   * @param named the namespaces given on the command line; when not empty, exactly these
   * @param registriesBySecret the rules' secret names with the registries paired with each
   * @throws NamespaceNotFoundException when a named namespace does not exist
   */
  ClusterState read(
      NamespaceSelection selection,
      List<String> named,
      Map<String, Set<String>> registriesBySecret) {
    List<String> namespaces = named.isEmpty() ? selected(selection) : existing(named);
    Set<String> audited = Set.copyOf(namespaces);
    List<AuditedObject> objects = new ArrayList<>();
    for (WorkloadKind kind : WorkloadKind.values()) {
      for (HasMetadata item : list(operation(kind), named)) {
        if (audited.contains(item.getMetadata().getNamespace()) && isAudited(kind, item)) {
          objects.add(
              new AuditedObject(
                  kind,
                  item.getMetadata().getNamespace(),
                  item.getMetadata().getName(),
                  json.readTree(client.getKubernetesSerialization().asJson(item))));
        }
      }
    }
    return new ClusterState(
        namespaces, secrets(registriesBySecret, audited), serviceAccounts(named, audited), objects);
  }

  private List<String> selected(NamespaceSelection selection) {
    return client.namespaces().list().getItems().stream()
        .filter(selection::selects)
        .map(namespace -> namespace.getMetadata().getName())
        .sorted()
        .toList();
  }

  private List<String> existing(List<String> named) {
    for (String name : named) {
      Namespace namespace = client.namespaces().withName(name).get();
      if (namespace == null) {
        throw new NamespaceNotFoundException(name);
      }
    }
    return named.stream().distinct().sorted().toList();
  }

  /**
   * ReplicaSets and Jobs made by a controller are audited through their owner: the Deployment's or
   * CronJob's template is what a fix changes.
   */
  private static boolean isAudited(WorkloadKind kind, HasMetadata item) {
    boolean owned = !item.getMetadata().getOwnerReferences().isEmpty();
    return !(owned && (kind == WorkloadKind.REPLICA_SET || kind == WorkloadKind.JOB));
  }

  private Map<String, Map<String, SecretFacts>> secrets(
      Map<String, Set<String>> registriesBySecret, Set<String> audited) {
    Map<String, Map<String, SecretFacts>> secrets = new HashMap<>();
    registriesBySecret.forEach(
        (name, registries) -> {
          List<Secret> copies =
              client.secrets().inAnyNamespace().withField("metadata.name", name).list().getItems();
          for (Secret secret : copies) {
            String namespace = secret.getMetadata().getNamespace();
            if (audited.contains(namespace)) {
              secrets
                  .computeIfAbsent(namespace, n -> new TreeMap<>())
                  .put(name, secretReader.read(secret, registries));
            }
          }
        });
    return secrets;
  }

  private Map<String, Map<String, List<String>>> serviceAccounts(
      List<String> named, Set<String> audited) {
    Map<String, Map<String, List<String>>> accounts = new HashMap<>();
    for (ServiceAccount account : list(client.serviceAccounts(), named)) {
      String namespace = account.getMetadata().getNamespace();
      if (audited.contains(namespace)) {
        accounts
            .computeIfAbsent(namespace, n -> new HashMap<>())
            .put(
                account.getMetadata().getName(),
                account.getImagePullSecrets().stream().map(LocalObjectReference::getName).toList());
      }
    }
    return accounts;
  }

  private <T extends HasMetadata, L extends KubernetesResourceList<T>> List<T> list(
      MixedOperation<T, L, ?> operation, List<String> named) {
    if (named.isEmpty()) {
      return operation.inAnyNamespace().list().getItems();
    }
    List<T> items = new ArrayList<>();
    for (String namespace : named) {
      items.addAll(operation.inNamespace(namespace).list().getItems());
    }
    return items;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private MixedOperation<HasMetadata, KubernetesResourceList<HasMetadata>, ?> operation(
      WorkloadKind kind) {
    MixedOperation operation =
        switch (kind) {
          case POD -> client.pods();
          case DEPLOYMENT -> client.apps().deployments();
          case STATEFUL_SET -> client.apps().statefulSets();
          case DAEMON_SET -> client.apps().daemonSets();
          case REPLICA_SET -> client.apps().replicaSets();
          case JOB -> client.batch().v1().jobs();
          case CRON_JOB -> client.batch().v1().cronjobs();
        };
    return operation;
  }
}
