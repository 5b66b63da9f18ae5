package com.tanhdev.pullsecret.load;

import com.tanhdev.pullsecret.image.DockerfileCommand;
import com.tanhdev.pullsecret.image.ImageAotCache;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Dockerfile's ENTRYPOINT on this machine: a local {@code java} and shaded jar in place of the
 * image's, and the AOT cache the Dockerfile's training run makes for them (trained here when
 * missing), so that a benchmark runs a JVM as the container runs it.
 */
final class ImageCommand {

  private static final String JAVA_IN_IMAGE = "/opt/java/bin/java";
  private static final String JAR_IN_IMAGE = "/app/pullsecret-webhook.jar";

  private ImageCommand() {}

  /**
   * The ENTRYPOINT followed by {@code arguments} in place of the CMD; {@code otherPaths} maps any
   * further container path in them (a config file) to its local stand-in.
   */
  static List<String> of(Path java, Path jar, List<String> arguments, Map<String, Path> otherPaths)
      throws IOException {
    DockerfileCommand image = DockerfileCommand.read(Path.of("Dockerfile"));
    Map<String, Path> localPaths = new HashMap<>(otherPaths);
    localPaths.put(JAVA_IN_IMAGE, java);
    localPaths.put(JAR_IN_IMAGE, jar);
    localPaths.put(ImageAotCache.CONTAINER_PATH, aotCache(image, java, jar));
    return new DockerfileCommand(image.entrypoint(), arguments, image.training())
        .withLocalPaths(localPaths);
  }

  /** The JVM flags alone: the ENTRYPOINT between {@code java} and {@code -jar}, localised. */
  static List<String> jvmFlags(Path java, Path jar) throws IOException {
    List<String> command = of(java, jar, List.of(), Map.of());
    return command.subList(1, command.indexOf("-jar"));
  }

  private static Path aotCache(DockerfileCommand image, Path java, Path jar) throws IOException {
    try {
      return ImageAotCache.forJar(image, java, jar);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while training the AOT cache", e);
    }
  }
}
