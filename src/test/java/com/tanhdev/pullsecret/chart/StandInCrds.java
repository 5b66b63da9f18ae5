package com.tanhdev.pullsecret.chart;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Stand-ins for the CustomResourceDefinitions of cert-manager and the Prometheus Operator, which a
 * bare API server does not have. Group, version, kind and plural are exactly theirs; the schema
 * accepts any content, because the operators' own schemas do not belong in this repository. The API
 * server still checks everything it owns: names, labels, namespace and that the kind is served.
 */
final class StandInCrds {

  private static final String VERSION = "v1";
  private static final Duration SERVED_TIMEOUT = Duration.ofSeconds(30);

  private static final List<Kind> KINDS =
      List.of(
          new Kind("cert-manager.io", "Issuer", "issuers"),
          new Kind("cert-manager.io", "Certificate", "certificates"),
          new Kind("monitoring.coreos.com", "ServiceMonitor", "servicemonitors"),
          new Kind("monitoring.coreos.com", "PodMonitor", "podmonitors"),
          new Kind("monitoring.coreos.com", "PrometheusRule", "prometheusrules"));

  private StandInCrds() {}

  /**
   * Installs the CRDs (an apply, so a second call changes nothing) and waits until the API server
   * lists every kind in discovery: a new CRD is served a moment after it is stored.
   */
  static void install(KubernetesClient client) {
    for (Kind kind : KINDS) {
      client
          .apiextensions()
          .v1()
          .customResourceDefinitions()
          .resource(kind.definition())
          .serverSideApply();
    }
    await("the stand-in CRDs are served")
        .atMost(SERVED_TIMEOUT)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> KINDS.stream().allMatch(kind -> kind.isServedBy(client)));
  }

  private record Kind(String group, String kind, String plural) {

    CustomResourceDefinition definition() {
      return new CustomResourceDefinitionBuilder()
          .withNewMetadata()
          .withName(plural + "." + group)
          .endMetadata()
          .withNewSpec()
          .withGroup(group)
          .withScope("Namespaced")
          .withNewNames()
          .withKind(kind)
          .withListKind(kind + "List")
          .withPlural(plural)
          .withSingular(kind.toLowerCase(Locale.ROOT))
          .endNames()
          .addNewVersion()
          .withName(VERSION)
          .withServed(true)
          .withStorage(true)
          .withNewSchema()
          .withNewOpenAPIV3Schema()
          .withType("object")
          .withXKubernetesPreserveUnknownFields(true)
          .endOpenAPIV3Schema()
          .endSchema()
          .endVersion()
          .endSpec()
          .build();
    }

    boolean isServedBy(KubernetesClient client) {
      APIResourceList served = client.getApiResources(group + "/" + VERSION);
      return served != null
          && served.getResources().stream().map(APIResource::getKind).anyMatch(kind::equals);
    }
  }
}
