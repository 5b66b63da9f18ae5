package com.tanhdev.pullsecret.rollout;

import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPortBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The EndpointSlice of the webhook's Service, written the way the EndpointSlice controller writes
 * it from the pods' states: one endpoint per pod address, with its ready, serving and terminating
 * conditions. The API server (with aggregator routing) dials only endpoints that are ready.
 */
final class ServiceEndpoints {

  /** The conditions of one endpoint, as the controller derives them from its pod. */
  enum State {
    /** Running and passing its readiness probe. */
    READY(true, true, false),
    /** Deleted, in its preStop sleep or shutdown: still serving, no longer ready. */
    TERMINATING(false, true, true),
    /** Running but failing its readiness probe, or its container has died. */
    NOT_READY(false, false, false);

    private final boolean ready;
    private final boolean serving;
    private final boolean terminating;

    State(boolean ready, boolean serving, boolean terminating) {
      this.ready = ready;
      this.serving = serving;
      this.terminating = terminating;
    }
  }

  private static final String MANAGER = "rollout-drill";

  private final KubernetesClient client;
  private final String namespace;
  private final String service;
  private final Map<String, State> endpoints = new LinkedHashMap<>();

  ServiceEndpoints(KubernetesClient client, String namespace, String service) {
    this.client = client;
    this.namespace = namespace;
    this.service = service;
  }

  synchronized void set(String address, State state) {
    endpoints.put(address, state);
    write();
  }

  /** The pod is gone: its endpoint leaves the slice. */
  synchronized void remove(String address) {
    endpoints.remove(address);
    write();
  }

  private void write() {
    List<Endpoint> written =
        endpoints.entrySet().stream()
            .map(
                entry ->
                    new EndpointBuilder()
                        .withAddresses(entry.getKey())
                        .withNewConditions()
                        .withReady(entry.getValue().ready)
                        .withServing(entry.getValue().serving)
                        .withTerminating(entry.getValue().terminating)
                        .endConditions()
                        .build())
            .toList();
    EndpointSlice slice =
        new EndpointSliceBuilder()
            .withNewMetadata()
            .withName(service + "-" + MANAGER)
            .withNamespace(namespace)
            .addToLabels("kubernetes.io/service-name", service)
            .addToLabels("endpointslice.kubernetes.io/managed-by", MANAGER)
            .endMetadata()
            .withAddressType("IPv4")
            .withPorts(
                new EndpointPortBuilder()
                    .withName("https")
                    .withPort(WebhookReplica.WEBHOOK_PORT)
                    .withProtocol("TCP")
                    .build())
            .withEndpoints(written)
            .build();
    client.resource(slice).fieldManager(MANAGER).forceConflicts().serverSideApply();
  }
}
