package com.tanhdev.pullsecret.provision.controller;

import static com.tanhdev.pullsecret.provision.controller.ProvisioningScenario.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.tanhdev.pullsecret.kube.TestNamespace;
import com.tanhdev.pullsecret.testing.CapturedLogs;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A write the API server refuses with a message that quotes the object (here an admission policy
 * that echoes the secret's data, as a careless one might): the refusal is counted, logged and
 * retried, and the quoted data goes nowhere.
 */
@ExtendWith(ProvisioningExtension.class)
class RefusedCopyPrivacyTest {

  private static final String PASSWORD = "echoed-registry-token";

  @Test
  void a_refusal_that_quotes_the_data_leaves_it_out_of_the_logs_the_events_and_the_metrics(
      ProvisioningScenario scenario) {
    String config = ProvisioningScenario.dockerConfig("ci-pull", PASSWORD);
    String auth =
        Base64.getEncoder()
            .encodeToString(("ci-pull:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    // CEL prints bytes as base64: the policy's message quotes the data as the Secret holds it.
    String data = Base64.getEncoder().encodeToString(config.getBytes(StandardCharsets.UTF_8));
    try (CapturedLogs logs = new CapturedLogs("com.tanhdev.pullsecret")) {
      List<HasMetadata> policy = echoingPolicy(scenario);
      try {
        scenario.source("kubernetes.io/dockerconfigjson", config, null);
        TestNamespace refused =
            TestNamespace.create(
                scenario.admin,
                "echo-dev",
                Map.of(ProvisioningScenario.SELECT_LABEL, scenario.label, "echo", scenario.label));
        awaitPolicyQuotes(scenario, refused, data);

        ProvisionerProcess process = scenario.startLeader();
        await()
            .atMost(PATIENCE)
            .until(() -> logs.jsonLines().stream().anyMatch(l -> l.contains("copy not written")));
        await()
            .atMost(PATIENCE)
            .until(
                () ->
                    scenario.sourceEvents().stream()
                        .map(Event::getReason)
                        .anyMatch("CopyFailed"::equals));

        List<String> events = scenario.sourceEvents().stream().map(Event::getMessage).toList();
        String metrics = process.metrics().scrape();
        for (String secret : List.of(PASSWORD, auth, data)) {
          assertThat(logs.jsonLines()).noneMatch(line -> line.contains(secret));
          assertThat(events).noneMatch(message -> message.contains(secret));
          assertThat(metrics).doesNotContain(secret);
        }
      } finally {
        scenario.admin.resourceList(policy).delete();
      }
    }
  }

  /** Denies the rule secret in namespaces labelled echo, quoting its docker config. */
  private static List<HasMetadata> echoingPolicy(ProvisioningScenario scenario) {
    String name = "echo-" + scenario.label;
    String yaml =
        """
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicy
        metadata: {name: %1$s}
        spec:
          failurePolicy: Fail
          matchConstraints:
            resourceRules:
              - {apiGroups: [""], apiVersions: [v1], operations: [CREATE, UPDATE], resources: [secrets]}
          validations:
            - expression: "object.metadata.name != '%2$s'"
              messageExpression: "'refused: ' + string(object.data['.dockerconfigjson'])"
        ---
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicyBinding
        metadata: {name: %1$s}
        spec:
          policyName: %1$s
          validationActions: [Deny]
          matchResources:
            namespaceSelector:
              matchLabels: {echo: "%3$s"}
        """
            .formatted(name, scenario.secret, scenario.label);
    return scenario
        .admin
        .resourceList(
            scenario.admin.load(new java.io.ByteArrayInputStream(yaml.getBytes())).items())
        .create();
  }

  /**
   * The policy takes effect a moment after it is made; from then on it quotes the data. The probe
   * is a dry run, so that none is left behind in the provisioner's way.
   */
  private static void awaitPolicyQuotes(
      ProvisioningScenario scenario, TestNamespace namespace, String data) {
    var probe =
        new SecretBuilder()
            .withNewMetadata()
            .withName(scenario.secret)
            .endMetadata()
            .withType("kubernetes.io/dockerconfigjson")
            .withData(scenario.sourceSecret().getData())
            .build();
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThatThrownBy(
                        () ->
                            scenario
                                .admin
                                .secrets()
                                .inNamespace(namespace.name())
                                .resource(probe)
                                .dryRun()
                                .create())
                    .isInstanceOf(KubernetesClientException.class)
                    .hasMessageContaining(data));
  }
}
