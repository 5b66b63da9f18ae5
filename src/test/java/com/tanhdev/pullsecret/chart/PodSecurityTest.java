package com.tanhdev.pullsecret.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The webhook pods must be admitted in a namespace that enforces Pod Security "restricted". */
class PodSecurityTest {

  private final PullsecretChart chart = PullsecretChart.fromEnvironment();

  @Test
  void the_container_runs_restricted() {
    RenderedManifests manifests = chart.render();
    JsonNode pod = manifests.podSpec().path("securityContext");
    JsonNode container = manifests.container().path("securityContext");

    assertThat(pod.path("runAsNonRoot").asBoolean()).isTrue();
    assertThat(pod.path("seccompProfile").path("type").asString()).isEqualTo("RuntimeDefault");
    assertThat(container.path("runAsNonRoot").asBoolean()).isTrue();
    assertThat(container.path("runAsUser").asInt()).isEqualTo(65532);
    assertThat(container.path("runAsGroup").asInt()).isEqualTo(65532);
    assertThat(container.path("allowPrivilegeEscalation").isBoolean()).isTrue();
    assertThat(container.path("allowPrivilegeEscalation").asBoolean()).isFalse();
    assertThat(container.path("capabilities").path("drop").valueStream().map(JsonNode::asString))
        .containsExactly("ALL");
    assertThat(container.path("capabilities").has("add")).isFalse();
    assertThat(container.path("seccompProfile").path("type").asString())
        .isEqualTo("RuntimeDefault");
  }

  @Test
  void the_root_filesystem_is_read_only_with_an_empty_dir_for_temporary_files() {
    RenderedManifests manifests = chart.render();

    assertThat(
            manifests
                .container()
                .path("securityContext")
                .path("readOnlyRootFilesystem")
                .asBoolean())
        .isTrue();
    JsonNode tmpMount = mountAt(manifests.container(), "/tmp");
    JsonNode tmpVolume = volumeNamed(manifests.podSpec(), tmpMount.path("name").asString());
    assertThat(tmpVolume.has("emptyDir")).isTrue();
  }

  @Test
  void the_pod_uses_no_host_namespaces_or_host_paths() {
    JsonNode pod = chart.render().podSpec();

    assertThat(pod.has("hostNetwork")).isFalse();
    assertThat(pod.has("hostPID")).isFalse();
    assertThat(pod.has("hostIPC")).isFalse();
    assertThat(pod.path("volumes").findValues("hostPath")).isEmpty();
  }

  static JsonNode mountAt(JsonNode container, String path) {
    return container
        .path("volumeMounts")
        .valueStream()
        .filter(mount -> path.equals(mount.path("mountPath").asString()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no volume mounted at " + path));
  }

  static JsonNode volumeNamed(JsonNode podSpec, String name) {
    return podSpec
        .path("volumes")
        .valueStream()
        .filter(volume -> name.equals(volume.path("name").asString()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no volume named " + name));
  }
}
