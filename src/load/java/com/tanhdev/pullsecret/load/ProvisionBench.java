package com.tanhdev.pullsecret.load;

import com.tanhdev.pullsecret.image.Kubeconfig;
import com.tanhdev.pullsecret.kube.ControlPlane;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The provisioning benchmark ({@code scripts/provision-bench.sh}): a real etcd and kube-apiserver
 * on loopback, the {@code provision} command in its own JVM with the image's flags, and this
 * process creating namespaces and rotating the source while its own watch times each copy's
 * arrival. Prints markdown for {@code docs/benchmarks.md}.
 *
 * <p>Usage: {@code ProvisionBench [--quick] [--out FILE]}; the control plane's binaries come from
 * {@code PULLSECRET_KUBE_BIN}, the provisioner's Java from {@code PULLSECRET_IMAGE_JAVA}, the jar
 * from {@code target/pullsecret-webhook.jar}.
 */
public final class ProvisionBench {

  private static final String RELEASE_NAMESPACE = "pullsecret-system";
  private static final Duration LEAD_LIMIT = Duration.ofSeconds(60);

  private ProvisionBench() {}

  public static void main(String[] args) throws Exception {
    ProvisioningSizes sizes = ProvisioningSizes.full();
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> sizes = ProvisioningSizes.quick();
        case "--out" -> out = Path.of(args[++i]);
        default -> {
          System.err.println("Usage: scripts/provision-bench.sh [--quick] [--out FILE]");
          System.exit(2);
        }
      }
    }
    Path java = Path.of(System.getenv().getOrDefault("PULLSECRET_IMAGE_JAVA", "java"));
    Path workDir = Files.createDirectories(Path.of("target", "load"));
    String environment = environment(java);
    System.err.print(environment);
    String results;
    try (ControlPlane plane = ControlPlane.start()) {
      results = run(plane.client(), sizes, java, workDir);
    }
    String markdown =
        environment + "- load average after: " + ProcessMeter.loadAverage() + "\n\n" + results;
    System.out.println(markdown);
    if (out != null) {
      Files.writeString(out, markdown);
    }
    System.exit(0); // the informers' and senders' threads may linger
  }

  private static String run(
      KubernetesClient client, ProvisioningSizes sizes, Path java, Path workDir) throws Exception {
    ClusterWrites writes = new ClusterWrites(client);
    writes.createNamespace(RELEASE_NAMESPACE);
    writes.createNamespace(ClusterWrites.SOURCE_NAMESPACE);
    Secret source = writes.writeSource("initial");
    int healthPort = freePort();
    Path config =
        Files.writeString(
            workDir.resolve("provisioner.yaml"),
            """
            rules:
              - registry: registry-api.tanhdev.com
                secret: %s
                source: %s/%s
            server:
              host: 127.0.0.1
              healthPort: %d
            provisioning:
              namespaces:
                namePattern: "bench-.*"
            """
                .formatted(
                    ClusterWrites.SECRET,
                    ClusterWrites.SOURCE_NAMESPACE,
                    ClusterWrites.SECRET,
                    healthPort));
    Path kubeconfig =
        Kubeconfig.write(client, RELEASE_NAMESPACE, workDir.resolve("provisioner.kubeconfig"));
    try (CopyWatch watch = CopyWatch.start(client, ClusterWrites.SECRET);
        ProvisionerJvm provisioner =
            ProvisionerJvm.start(
                java,
                Path.of("target", "pullsecret-webhook.jar"),
                config,
                healthPort,
                Map.of(
                    "KUBECONFIG",
                    kubeconfig.toAbsolutePath().toString(),
                    "PULLSECRET_NAMESPACE",
                    RELEASE_NAMESPACE,
                    "PULLSECRET_POD_NAME",
                    "provisioner-bench-0",
                    "HOME",
                    workDir.toAbsolutePath().toString()),
                workDir.resolve("provisioner.log"))) {
      Duration lead = provisioner.awaitLeading(LEAD_LIMIT);
      return new ProvisioningPhases(sizes, writes, watch, provisioner, java, source).run(lead);
    }
  }

  private static String environment(Path java) throws IOException, InterruptedException {
    String model = ProcessMeter.cpuModel();
    return """
        - machine: %d CPUs (%s), load average before: %s
        - provisioner JVM: %s, flags `%s` (the image's ENTRYPOINT), `provision --config FILE`
        """
        .formatted(
            Runtime.getRuntime().availableProcessors(),
            model,
            ProcessMeter.loadAverage(),
            LoadRun.javaVersion(java.toString()),
            String.join(
                " ", ImageCommand.jvmFlags(java, Path.of("target", "pullsecret-webhook.jar"))));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
