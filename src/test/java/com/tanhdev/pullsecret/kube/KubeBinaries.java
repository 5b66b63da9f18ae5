package com.tanhdev.pullsecret.kube;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the control-plane binaries are. They are built from source by {@code
 * scripts/kube-binaries.sh}, which prints the directory; tests fail rather than skip without them,
 * so a green build always means the tests through the API server ran.
 */
record KubeBinaries(Path apiServer, Path etcd) {

  static final String VARIABLE = "PULLSECRET_KUBE_BIN";

  private static final String HOW_TO =
      "Build them once (10-20 minutes the first time, instant afterwards) and point the tests at"
          + " them:\n  export "
          + VARIABLE
          + "=\"$(scripts/kube-binaries.sh)\"";

  static KubeBinaries fromEnvironment(Map<String, String> env) {
    String dir = env.get(VARIABLE);
    if (dir == null || dir.isBlank()) {
      throw new IllegalStateException(
          VARIABLE + " is not set: the integration tests need kube-apiserver and etcd. " + HOW_TO);
    }
    Path bin = Path.of(dir.trim());
    KubeBinaries binaries = new KubeBinaries(bin.resolve("kube-apiserver"), bin.resolve("etcd"));
    for (Path binary : new Path[] {binaries.apiServer(), binaries.etcd()}) {
      if (!Files.isExecutable(binary)) {
        throw new IllegalStateException(
            VARIABLE + "=" + dir + " has no executable " + binary.getFileName() + ". " + HOW_TO);
      }
    }
    return binaries;
  }
}
