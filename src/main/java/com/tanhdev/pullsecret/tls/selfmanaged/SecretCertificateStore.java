package com.tanhdev.pullsecret.tls.selfmanaged;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.Optional;

/**
 * Reads and writes the one Secret, with optimistic concurrency: a write only lands on the version
 * it was based on, so when several replicas act at once exactly one wins and the others read what
 * it wrote. Needs get, create and update on Secrets, nothing else (no list or watch).
 */
public final class SecretCertificateStore {

  private final KubernetesClient client;
  private final String namespace;
  private final String name;

  public SecretCertificateStore(KubernetesClient client, String namespace, String name) {
    this.client = client;
    this.namespace = namespace;
    this.name = name;
  }

  public String namespace() {
    return namespace;
  }

  public String name() {
    return name;
  }

  /** The Secret as stored now; empty when there is none. */
  public Optional<Secret> read() {
    return Optional.ofNullable(client.secrets().inNamespace(namespace).withName(name).get());
  }

  /** Creates the Secret; false when another writer created it first. */
  public boolean create(Secret secret) {
    try {
      client.secrets().inNamespace(namespace).resource(secret).create();
      return true;
    } catch (KubernetesClientException e) {
      return lostRace(e);
    }
  }

  /**
   * Writes over the version named by the Secret's resourceVersion; false when someone else wrote a
   * newer one since (409 Conflict).
   */
  public boolean replace(Secret secret) {
    if (secret.getMetadata().getResourceVersion() == null) {
      throw new IllegalArgumentException("a replacement must name the version it replaces");
    }
    try {
      client.secrets().inNamespace(namespace).resource(secret).update();
      return true;
    } catch (KubernetesClientException e) {
      return lostRace(e);
    }
  }

  private static boolean lostRace(KubernetesClientException e) {
    if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
      return false;
    }
    throw e;
  }

  @Override
  public String toString() {
    return "Secret " + namespace + "/" + name;
  }
}
