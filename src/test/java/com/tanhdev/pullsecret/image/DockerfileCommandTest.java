package com.tanhdev.pullsecret.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerfileCommandTest {

  @TempDir Path dir;

  private DockerfileCommand read(String dockerfile) throws IOException {
    return DockerfileCommand.read(Files.writeString(dir.resolve("Dockerfile"), dockerfile));
  }

  @Test
  void the_final_stage_decides_and_its_last_instruction_wins() throws IOException {
    DockerfileCommand command =
        read(
            """
            FROM builder AS build
            ENTRYPOINT ["/bin/build"]
            FROM runtime
            ENTRYPOINT ["/old"]
            # a comment between the lines of a continued instruction is dropped
            ENTRYPOINT ["/opt/java/bin/java", \\
            # the heap follows the limit
                "-XX:MaxRAMPercentage=60"]
            cmd ["serve"]
            """);

    assertThat(command.entrypoint())
        .containsExactly("/opt/java/bin/java", "-XX:MaxRAMPercentage=60");
    assertThat(command.cmd()).containsExactly("serve");
  }

  @Test
  void container_paths_are_replaced_by_their_local_stand_ins() throws IOException {
    DockerfileCommand command =
        read("FROM x\nENTRYPOINT [\"/java\", \"-jar\", \"/app.jar\"]\n" + "CMD [\"serve\"]\n");

    assertThat(
            command.withLocalPaths(
                Map.of("/java", Path.of("jdk/java"), "/app.jar", Path.of("t.jar"))))
        .isEqualTo(List.of("jdk/java", "-jar", "t.jar", "serve"));
  }

  @Test
  void a_container_path_given_as_an_option_value_is_replaced_too() throws IOException {
    DockerfileCommand command =
        read("FROM x\nENTRYPOINT [\"/java\", \"-XX:AOTCache=/app.aot\"]\nCMD [\"serve\"]\n");

    assertThat(command.withLocalPaths(Map.of("/java", Path.of("j"), "/app.aot", Path.of("a.aot"))))
        .containsExactly("j", "-XX:AOTCache=a.aot", "serve");
    assertThatThrownBy(() -> command.withLocalPaths(Map.of("/java", Path.of("j"))))
        .hasMessageContaining("/app.aot");
  }

  @Test
  void the_last_run_of_the_final_stage_is_the_training_run() throws IOException {
    DockerfileCommand command =
        read(
            """
            FROM build
            RUN make
            FROM runtime
            RUN ["/java", "-XX:AOTCacheOutput=/app.aot", "-cp", "/app.jar", "Training"]
            ENTRYPOINT ["/java"]
            CMD ["serve"]
            """);

    assertThat(
            command.trainingWithLocalPaths(
                Map.of(
                    "/java", Path.of("j"), "/app.aot", Path.of("a.aot"), "/app.jar", Path.of("t"))))
        .containsExactly("j", "-XX:AOTCacheOutput=a.aot", "-cp", "t", "Training");
  }

  @Test
  void the_image_trains_its_aot_cache_with_the_flags_it_runs_with() throws IOException {
    DockerfileCommand image = DockerfileCommand.read(ImageCommand.BASEDIR.resolve("Dockerfile"));

    assertThat(jvmFlags(image.training()))
        .as("a cache made with other flags is refused or loses its archived heap")
        .isEqualTo(jvmFlags(image.entrypoint()));
  }

  /** The options between the java binary and the class path or jar, minus the AOT cache's own. */
  private static List<String> jvmFlags(List<String> command) {
    return command.subList(1, command.size()).stream()
        .takeWhile(argument -> !argument.equals("-cp") && !argument.equals("-jar"))
        .filter(argument -> !argument.startsWith("-XX:AOTCache") && !argument.startsWith("-Xlog"))
        .toList();
  }

  @Test
  void a_container_path_without_a_local_stand_in_is_refused() throws IOException {
    DockerfileCommand command =
        read("FROM x\nENTRYPOINT [\"/java\"]\nCMD [\"--config\", \"/etc/c.yaml\"]\n");

    assertThatThrownBy(() -> command.withLocalPaths(Map.of("/java", Path.of("java"))))
        .hasMessageContaining("/etc/c.yaml");
  }

  @Test
  void a_shell_form_entrypoint_is_refused_because_the_image_has_no_shell() {
    assertThatThrownBy(() -> read("FROM x\nENTRYPOINT java -jar /app.jar\nCMD [\"serve\"]\n"))
        .hasMessageContaining("ENTRYPOINT is not in exec form");
  }
}
