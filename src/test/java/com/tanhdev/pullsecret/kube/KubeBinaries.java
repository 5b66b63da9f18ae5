package com.tanhdev.pullsecret.kube;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the control-plane binaries are. They are built from source by {@code
 * scripts/kube-binaries.sh}, which prints the directory; tests fail rather than skip without them,
 * so a green build always means the tests through the API server ran.
 */
record KubeBinaries(Path apiServer, Path etcd, Path controllerManager) {

  static final String VARIABLE = "PULLSECRET_KUBE_BIN";

  private static final String HOW_TO =
      "Build them once (10-20 minutes the first time, instant afterwards) and point the tests at"
          + " them:\n  export "
          + VARIABLE
          + "=\"$(scripts/kube-binaries.sh)\"";

  /**
   * The binaries in {@code $PULLSECRET_KUBE_BIN}; kube-controller-manager must be there only when
   * it will be started, so an older cache still runs the tests that do without it.
   */
  static KubeBinaries fromEnvironment(Map<String, String> env, boolean needsControllerManager) {
    String dir = env.get(VARIABLE);
    if (dir == null || dir.isBlank()) {
      throw new IllegalStateException(
          VARIABLE + " is not set: the integration tests need kube-apiserver and etcd. " + HOW_TO);
    }
    Path bin = Path.of(dir.trim());
    KubeBinaries binaries =
        new KubeBinaries(
            bin.resolve("kube-apiserver"),
            bin.resolve("etcd"),
            bin.resolve("kube-controller-manager"));
    List<Path> needed = new ArrayList<>(List.of(binaries.apiServer(), binaries.etcd()));
    if (needsControllerManager) {
      needed.add(binaries.controllerManager());
    }
    for (Path binary : needed) {
      if (!Files.isExecutable(binary)) {
        throw new IllegalStateException(
            VARIABLE + "=" + dir + " has no executable " + binary.getFileName() + ". " + HOW_TO);
      }
    }
    return binaries;
  }
}
