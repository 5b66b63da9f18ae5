package com.tanhdev.pullsecret.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chart spells out the image's entrypoint (so that its jvmOptions replace the image's JVM
 * flags), so the two must agree on paths, flags, arguments, user and ports.
 */
class ImageContractTest {

  private final PullsecretChart chart = PullsecretChart.fromEnvironment();

  @Test
  void the_chart_starts_the_java_and_the_jar_the_image_ships_with_the_same_default_flags()
      throws IOException {
    List<String> entrypoint = jsonInstruction("ENTRYPOINT");
    List<String> command = strings(chart.render().container().path("command"));

    assertThat(command).isEqualTo(entrypoint);
  }

  @Test
  void the_chart_passes_the_arguments_the_image_defaults_to() throws IOException {
    assertThat(strings(chart.render().container().path("args"))).isEqualTo(jsonInstruction("CMD"));
  }

  @Test
  void the_pod_runs_as_the_user_the_image_declares() throws IOException {
    JsonNode securityContext = chart.render().container().path("securityContext");

    assertThat(instruction("USER"))
        .isEqualTo(
            securityContext.path("runAsUser").asInt()
                + ":"
                + securityContext.path("runAsGroup").asInt());
  }

  @Test
  void the_image_exposes_the_ports_the_container_declares() throws IOException {
    List<String> containerPorts =
        chart.render().container().path("ports").findValuesAsString("containerPort");

    assertThat(Arrays.asList(instruction("EXPOSE").split("\\s+")))
        .containsExactlyInAnyOrderElementsOf(containerPorts);
  }

  private static List<String> jsonInstruction(String name) throws IOException {
    return strings(JsonMapper.builder().build().readTree(instruction(name)));
  }

  /** The argument of the last instruction with this name (the one that takes effect). */
  private static String instruction(String name) throws IOException {
    Path dockerfile = Path.of(System.getProperty("project.basedir", "."), "Dockerfile");
    List<String> matches =
        Files.readAllLines(dockerfile).stream()
            .filter(line -> line.startsWith(name + " "))
            .map(line -> line.substring(name.length()).strip())
            .toList();
    assertThat(matches).as("%s instructions in %s", name, dockerfile).isNotEmpty();
    return matches.get(matches.size() - 1);
  }

  private static List<String> strings(JsonNode array) {
    return array.valueStream().map(JsonNode::asString).toList();
  }
}
