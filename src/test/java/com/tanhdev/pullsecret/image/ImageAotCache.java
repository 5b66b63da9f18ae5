package com.tanhdev.pullsecret.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The image's AOT cache for the local jar, made by the Dockerfile's own training run (its last RUN)
 * on the image's Java, as the image build makes it: the tests that run the image's command line
 * then start from the cache as a container would, and a training run that breaks fails them. Made
 * once per jar: the JVM refuses a cache made for another jar.
 */
public final class ImageAotCache {

  public static final String CONTAINER_PATH = "/app/pullsecret-webhook.aot";

  private static final long TRAINING_MINUTES = 5;

  private ImageAotCache() {}

  /** The cache for {@code jar}, trained now if it is missing or older than the jar. */
  public static synchronized Path forJar(DockerfileCommand image, Path java, Path jar)
      throws IOException, InterruptedException {
    Path cache = jar.resolveSibling("pullsecret-webhook.aot");
    if (Files.exists(cache)
        && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar)) > 0) {
      return cache;
    }
    Files.deleteIfExists(cache);
    List<String> training =
        image.trainingWithLocalPaths(
            Map.of(
                "/opt/java/bin/java",
                java,
                "/app/pullsecret-webhook.jar",
                jar,
                CONTAINER_PATH,
                cache));
    Path log = jar.resolveSibling("aot-training.log");
    Process process =
        new ProcessBuilder(training).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(process.waitFor(TRAINING_MINUTES, TimeUnit.MINUTES))
        .as("the training run finished; see %s", log)
        .isTrue();
    assertThat(process.exitValue()).as("the training run's exit status; see %s", log).isZero();
    assertThat(cache).as("the AOT cache the training run wrote").isRegularFile();
    return cache;
  }
}
