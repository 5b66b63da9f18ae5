package com.tanhdev.pullsecret.k3s;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The webhook's container image, built from the project's Dockerfile through the Docker API and
 * saved as an archive: K3s imports every archive in its agent images directory when it starts, so
 * the cluster runs the image without any registry.
 */
final class WebhookImage {

  static final String REPOSITORY = "pullsecret-webhook-k3s-test";
  static final String TAG = "0.1.0";

  // The Docker API builds with the classic builder, which refuses BuildKit cache mounts. They only
  // keep the Maven repository between builds, so dropping them changes speed, not the image.
  private static final String CACHE_MOUNT = "--mount=type=cache,target=/root/.m2 ";

  private WebhookImage() {}

  /** Builds the image (removed again when the JVM exits) and returns its saved archive. */
  static Path buildAndSave(Path projectRoot, Path directory) throws IOException {
    String dockerfile =
        Files.readString(projectRoot.resolve("Dockerfile")).replace(CACHE_MOUNT, "");
    String image =
        new ImageFromDockerfile(REPOSITORY + ":" + TAG, true)
            .withFileFromString("Dockerfile", dockerfile)
            .withFileFromPath("pom.xml", projectRoot.resolve("pom.xml"))
            .withFileFromPath("src", projectRoot.resolve("src"))
            .get();
    Path archive = directory.resolve("webhook-image.tar");
    try (InputStream saved = DockerClientFactory.instance().client().saveImageCmd(image).exec()) {
      Files.copy(saved, archive);
    }
    return archive;
  }
}
