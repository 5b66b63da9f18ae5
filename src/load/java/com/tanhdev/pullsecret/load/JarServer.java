package com.tanhdev.pullsecret.load;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The shaded jar's {@code serve}, as the container runs it: {@code java FLAGS -jar JAR serve
 * --config FILE}, told the (mock) API server's address and a token by fabric8's environment
 * variables, as a pod's client is configured from its service account without reading a kubeconfig
 * file (whose parsing loads the whole Kubernetes model), and no other environment (the benchmark's
 * own variables would be refused as unknown overrides). Unlike {@link LoadTargetMain}, which runs
 * from class directories, this is what an AOT cache or a class data archive can be made for and
 * used with.
 *
 * @param java the {@code java} executable
 * @param jar the shaded jar
 * @param tlsDir holds {@code tls.crt} and {@code tls.key}
 * @param apiServerUrl the API server the informers list and watch
 * @param workDir where configs, ports files and server logs go
 */
record JarServer(String java, Path jar, Path tlsDir, String apiServerUrl, Path workDir) {

  /** Starts {@code serve} with {@code jvmFlags}; its files are named after {@code name}. */
  ServerProcess start(List<String> jvmFlags, String name) throws IOException {
    int webhookPort = freePort();
    int healthPort = freePort();
    Path config =
        Files.writeString(workDir.resolve(name + ".yaml"), config(webhookPort, healthPort));
    Path portsFile =
        Files.writeString(
            workDir.resolve(name + ".ports"),
            "webhook=%d%nhealth=%d%ncontrol=-1%n".formatted(webhookPort, healthPort));
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(jvmFlags);
    command.addAll(List.of("-jar", jar.toString(), "serve", "--config", config.toString()));
    return ServerProcess.start(
        command,
        Map.of(
            "KUBERNETES_MASTER",
            apiServerUrl,
            "KUBERNETES_AUTH_TOKEN",
            "load",
            "KUBERNETES_NAMESPACE",
            "default",
            "HOME",
            workDir.toString()),
        portsFile,
        workDir.resolve(name + ".log"));
  }

  private String config(int webhookPort, int healthPort) {
    return """
        rules:
          - registry: registry-api.tanhdev.com
            secret: %s
        server:
          host: 127.0.0.1
          port: %d
          healthPort: %d
          tlsCertFile: %s
          tlsKeyFile: %s
        """
        .formatted(
            SampleWorkloads.SECRET,
            webhookPort,
            healthPort,
            tlsDir.resolve("tls.crt"),
            tlsDir.resolve("tls.key"));
  }

  /**
   * A port free now, below Linux's range of ephemeral ports (32768 and up), where the connections
   * of this and other processes on the machine would otherwise take it before the server binds it.
   */
  private static int freePort() throws IOException {
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IOException("no free port between 20000 and 32000");
  }
}
