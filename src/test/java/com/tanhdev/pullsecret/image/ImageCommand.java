package com.tanhdev.pullsecret.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts the Dockerfile's command line (its JVM flags included) against the shaded jar, with the
 * container's paths mapped to local files. The JVM is the one named by the environment variable
 * {@code PULLSECRET_IMAGE_JAVA} ({@code make test} sets it to the image's Java release, found by
 * {@code scripts/image-java.sh}), else the test's own. The image's AOT cache is made for the jar by
 * the Dockerfile's training run on first use ({@link ImageAotCache}).
 */
public final class ImageCommand {

  static final Path BASEDIR = Path.of(System.getProperty("project.basedir", "."));

  private ImageCommand() {}

  /** The command with its config file holding {@code configYaml}, in {@code dir}. */
  public static ContainerProcess start(Path dir, String configYaml, Map<String, String> env)
      throws IOException {
    Path jar = BASEDIR.resolve("target/pullsecret-webhook.jar");
    assertThat(jar)
        .as("the shaded jar, built in the package phase before Failsafe")
        .isRegularFile();
    Path configFile = Files.writeString(dir.resolve("config.yaml"), configYaml);
    DockerfileCommand image = DockerfileCommand.read(BASEDIR.resolve("Dockerfile"));
    Path aotCache;
    try {
      aotCache = ImageAotCache.forJar(image, java(), jar);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while training the AOT cache", e);
    }
    List<String> command =
        image.withLocalPaths(
            Map.of(
                "/opt/java/bin/java",
                java(),
                "/app/pullsecret-webhook.jar",
                jar,
                ImageAotCache.CONTAINER_PATH,
                aotCache,
                "/etc/pullsecret-webhook/config.yaml",
                configFile));
    Map<String, String> containerEnv = new HashMap<>(env);
    containerEnv.put("HOME", dir.toString());
    return ContainerProcess.start(command, containerEnv, dir);
  }

  private static Path java() {
    String chosen = System.getenv().getOrDefault("PULLSECRET_IMAGE_JAVA", "");
    return chosen.isBlank()
        ? Path.of(System.getProperty("java.home"), "bin", "java")
        : Path.of(chosen);
  }
}
