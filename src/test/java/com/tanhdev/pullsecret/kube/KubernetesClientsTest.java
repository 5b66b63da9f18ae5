package com.tanhdev.pullsecret.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

/**
 * The commands' client reads a watch event's object (the one read by kind alone) as its typed class
 * for every kind it can meet, without fabric8's search of the class path.
 */
class KubernetesClientsTest {

  private final KubernetesSerialization serialization = KubernetesClients.serialization();

  @Test
  void every_kind_the_commands_read_by_name_comes_back_typed_from_a_watch_event()
      throws ReflectiveOperationException {
    for (Class<? extends KubernetesResource> kind : KubernetesClients.KINDS) {
      KubernetesResource sample = kind.getDeclaredConstructor().newInstance();
      String object = serialization.asJson(sample);
      WatchEvent event =
          serialization.unmarshal(
              "{\"type\":\"ADDED\",\"object\":" + object + "}", WatchEvent.class);
      assertThat(event.getObject())
          .as("the object of a %s event", kind.getSimpleName())
          .isInstanceOf(kind);
    }
  }

  @Test
  void a_failed_watch_reads_as_a_status_so_the_informer_lists_again() {
    WatchEvent event =
        serialization.unmarshal(
            """
            {"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","status":"Failure",
             "message":"too old resource version: 1 (42)","reason":"Expired","code":410}}""",
            WatchEvent.class);
    assertThat(event.getObject())
        .isInstanceOfSatisfying(Status.class, s -> assertThat(s.getCode()).isEqualTo(410));
  }

  @Test
  void a_secret_event_keeps_its_data_typed() {
    WatchEvent event =
        serialization.unmarshal(
            """
            {"type":"MODIFIED","object":{"kind":"Secret","apiVersion":"v1",
             "metadata":{"name":"registry-api-tanhdev","namespace":"auth-dev"},
             "type":"kubernetes.io/dockerconfigjson","data":{".dockerconfigjson":"e30="}}}""",
            WatchEvent.class);
    assertThat(event.getObject())
        .isInstanceOfSatisfying(
            Secret.class, s -> assertThat(s.getData()).containsEntry(".dockerconfigjson", "e30="));
  }

  @Test
  void a_kind_no_command_reads_is_left_generic() {
    Object read =
        serialization.unmarshal(
            "{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"x\"}}");
    assertThat(read).isInstanceOf(GenericKubernetesResource.class);
  }

  @Test
  void the_client_uses_this_serialization() {
    try (KubernetesClient client =
        KubernetesClients.builder()
            .withConfig(
                new ConfigBuilder(Config.empty()).withMasterUrl("https://127.0.0.1:1").build())
            .build()) {
      assertThat(
              client
                  .getKubernetesSerialization()
                  .<Object>unmarshal(
                      "{\"kind\":\"Secret\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"x\"}}"))
          .isInstanceOf(Secret.class);
      assertThat(
              client
                  .getKubernetesSerialization()
                  .<Object>unmarshal(
                      "{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"x\"}}"))
          .isInstanceOf(GenericKubernetesResource.class);
    }
  }
}
