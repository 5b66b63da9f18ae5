package com.tanhdev.pullsecret.cli;

import com.tanhdev.pullsecret.kube.KubernetesClients;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Runs {@code audit} as its command line would, against a given API server and identity. */
final class AuditRun {

  record Result(int exitCode, String out, String err) {

    List<String> outLines() {
      return out.lines().toList();
    }
  }

  private AuditRun() {}

  /** Runs with a fresh client of this configuration (the command closes it when done). */
  static Result run(Config config, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Config copy = new ConfigBuilder(config).build();
    int code =
        new AuditCommand(Map.of(), () -> KubernetesClients.builder().withConfig(copy).build())
            .run(
                List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The same API server, seen as a ServiceAccount (the admin client may impersonate anyone). */
  static Config asServiceAccount(Config admin, String namespace, String name) {
    return new ConfigBuilder(admin)
        .withImpersonateUsername("system:serviceaccount:" + namespace + ":" + name)
        .withImpersonateGroups(
            "system:serviceaccounts", "system:serviceaccounts:" + namespace, "system:authenticated")
        .build();
  }
}
