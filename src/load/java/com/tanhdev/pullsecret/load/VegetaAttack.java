package com.tanhdev.pullsecret.load;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One open-loop {@code vegeta attack} against a webhook, shaped like kube-apiserver's client: Go's
 * {@code net/http} over HTTP/1.1 with keep-alive and 25 idle connections per host, a new dial for
 * every call that finds none idle. Targets stream to vegeta's standard input ({@code -lazy}), each
 * with its own review body and uid, so a long run needs no targets file.
 */
final class VegetaAttack {

  /** kube-apiserver's webhook client: HTTP/1.1, keep-alive, 25 idle connections per host. */
  static final List<String> CLIENT_FLAGS =
      List.of("-http2=false", "-keepalive=true", "-connections=25");

  private static final Base64.Encoder BASE64 = Base64.getEncoder();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Path vegeta;
  private final Path caFile;
  private final ReviewBodies bodies;
  private final Path workDir;
  private final Duration timeout;
  private final JsonMapper mapper = JsonMapper.builder().build();

  VegetaAttack(Path vegeta, Path caFile, ReviewBodies bodies, Path workDir, Duration timeout) {
    this.vegeta = vegeta;
    this.caFile = caFile;
    this.bodies = bodies;
    this.workDir = workDir;
    this.timeout = timeout;
  }

  /** Sends {@code rate} reviews a second for {@code duration} and returns vegeta's report. */
  VegetaReport run(InetSocketAddress webhook, int rate, Duration duration)
      throws IOException, InterruptedException {
    return start(webhook, rate, duration, String.valueOf(rate)).finish();
  }

  /**
   * Starts sending {@code rate} reviews a second for {@code duration}; its raw results go to {@code
   * vegeta-<name>.bin}. Two attacks can overlap, one taking over from the other.
   */
  Running start(InetSocketAddress webhook, int rate, Duration duration, String name)
      throws IOException {
    Path results = workDir.resolve("vegeta-" + name + ".bin");
    List<String> command =
        new ArrayList<>(List.of(vegeta.toString(), "attack", "-format=json", "-lazy"));
    command.addAll(CLIENT_FLAGS);
    command.addAll(
        List.of(
            "-root-certs=" + caFile,
            "-timeout=" + timeout.toSeconds() + "s",
            "-rate=" + rate + "/s",
            "-duration=" + duration.toSeconds() + "s",
            "-output=" + results));
    Process attack =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    long count = (long) rate * duration.toSeconds();
    Thread feeder =
        new Thread(() -> feed(attack.getOutputStream(), webhook, count), "vegeta-targets");
    feeder.start();
    return new Running(attack, feeder, results, rate, duration, name);
  }

  /** An attack under way. */
  final class Running {

    private final Process attack;
    private final Thread feeder;
    private final Path results;
    private final int rate;
    private final Duration duration;
    private final String name;

    private Running(
        Process attack, Thread feeder, Path results, int rate, Duration duration, String name) {
      this.attack = attack;
      this.feeder = feeder;
      this.results = results;
      this.rate = rate;
      this.duration = duration;
      this.name = name;
    }

    /** Waits for the last answer or timeout, and returns vegeta's report. */
    VegetaReport finish() throws IOException, InterruptedException {
      if (!attack.waitFor(duration.toSeconds() + timeout.toSeconds() + 30, TimeUnit.SECONDS)) {
        attack.destroyForcibly();
        throw new IllegalStateException("vegeta attack did not finish");
      }
      feeder.join();
      if (attack.exitValue() != 0) {
        throw new IllegalStateException("vegeta attack exited with " + attack.exitValue());
      }
      return report(results, rate, name);
    }

    /** Each second's p99 in milliseconds, from the attack's first call, once it has finished. */
    List<Double> p99PerSecond() throws IOException, InterruptedException {
      Process encode =
          new ProcessBuilder(vegeta.toString(), "encode", "-to=csv", results.toString())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      List<String> lines;
      try (BufferedReader csv = encode.inputReader(StandardCharsets.UTF_8)) {
        lines = csv.lines().toList();
      }
      if (encode.waitFor() != 0) {
        throw new IllegalStateException("vegeta encode failed");
      }
      return VegetaSeconds.p99PerSecond(lines);
    }
  }

  /**
   * Writes one target per request (and a few spare: vegeta stops at the end of its targets); a
   * closed pipe means vegeta is done.
   */
  private void feed(OutputStream stdin, InetSocketAddress webhook, long count) {
    String url =
        "https://%s:%d/mutate?timeout=%ds"
            .formatted(webhook.getHostString(), webhook.getPort(), timeout.toSeconds());
    ObjectNode header = NODES.objectNode();
    header.putArray("Content-Type").add("application/json");
    try (OutputStream out = new BufferedOutputStream(stdin, 1 << 16)) {
      for (long i = 0; i < count + count / 10 + 100; i++) {
        ObjectNode target =
            NODES
                .objectNode()
                .put("method", "POST")
                .put("url", url)
                .put("body", BASE64.encodeToString(bodies.next()));
        target.set("header", header);
        out.write(mapper.writeValueAsBytes(target));
        out.write('\n');
      }
    } catch (IOException e) {
      // vegeta has stopped reading: the attack is over
    }
  }

  private VegetaReport report(Path results, int rate, String name)
      throws IOException, InterruptedException {
    Process report =
        new ProcessBuilder(vegeta.toString(), "report", "-type=json", results.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    byte[] json = report.getInputStream().readAllBytes();
    if (report.waitFor() != 0) {
      throw new IllegalStateException(
          "vegeta report failed: " + new String(json, StandardCharsets.UTF_8));
    }
    Files.write(workDir.resolve("vegeta-" + name + ".json"), json);
    return VegetaReport.parse(mapper.readTree(json), rate);
  }
}
