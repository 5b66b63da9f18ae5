package com.tanhdev.pullsecret.load;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The webhook as the image runs it, for the scenarios that compare it with other servers: the
 * shaded jar's {@code serve} with the Dockerfile's JVM flags and its AOT cache (the recorded
 * profiles decide how soon the JIT compiles the request path at low rates), plus any flags being
 * evaluated.
 */
final class ImageWebhook {

  private static final Duration READY_LIMIT = Duration.ofSeconds(60);

  private final JarServer jar;
  private final List<String> extraFlags;
  private final Report report;

  ImageWebhook(JarServer jar, List<String> extraFlags, Report report) {
    this.jar = jar;
    this.extraFlags = List.copyOf(extraFlags);
    this.report = report;
  }

  /**
   * Starts one, waits until it is ready, and reports its command line and start. The first start
   * trains the image's AOT cache for the jar when it is missing or older than the jar.
   */
  ServerProcess start(String name) throws IOException, InterruptedException {
    List<String> flags = new ArrayList<>(ImageCommand.jvmFlags(Path.of(jar.java()), jar.jar()));
    flags.addAll(extraFlags);
    ServerProcess server = jar.start(flags, name);
    Duration ready = server.awaitReady(READY_LIMIT);
    report.text(
        "The webhook: `java %s -jar pullsecret-webhook.jar serve`, ready after %d ms (%s)."
            .formatted(
                String.join(" ", flags),
                ready.toMillis(),
                String.join("; ", server.logMessages("warm-up:"))));
    return server;
  }
}
