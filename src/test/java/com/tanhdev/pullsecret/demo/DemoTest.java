package com.tanhdev.pullsecret.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.tanhdev.pullsecret.kube.ControlPlane;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code make demo}, on a control plane of its own as the script runs it: what it prints is the
 * story the README tells, read back from the API server.
 */
class DemoTest {

  private static String printed;
  private static Set<Long> processesBefore;
  private static Set<Long> processesAfter;

  @BeforeAll
  static void runTheDemo() {
    processesBefore = descendants();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ControlPlane plane = ControlPlane.startWithControllerManager()) {
      new Demo(new PrintStream(out, true, StandardCharsets.UTF_8), System.err).run(plane);
    }
    printed = out.toString(StandardCharsets.UTF_8);
    processesAfter = descendants();
  }

  @Test
  void the_source_lives_in_infrastructure_and_search_dev_starts_without_a_secret() {
    assertThat(printed)
        .contains(
            "Source: secret registry-api-tanhdev in namespace infrastructure"
                + " (the SealedSecret's output)\n")
        .contains(
            "Before: search-dev has no registry-api-tanhdev;"
                + " 10 namespaces hold one made by hand\n");
  }

  @Test
  void the_provisioner_copies_it_and_adopts_the_hand_made_ones() {
    assertThat(printed)
        .containsPattern(
            "Provisioned: 11 namespaces hold a copy \\d+ ms after the provisioner started"
                + " \\(10 hand-made secrets adopted, the others copied\\)\n");
  }

  @Test
  void the_workloads_of_search_dev_are_injected_like_every_other() {
    assertThat(printed)
        .containsPattern("search-dev +Deployment +search-api +injected +pulls registry-api")
        .containsPattern("search-dev +Job +search-migrate-0-1-0 +injected +pulls registry-api")
        .doesNotContain("skipped: secret missing")
        .contains(
            "Injected 29 of 34 workloads; 3 already had the secret; 2 pull only public images\n");
  }

  @Test
  void the_pods_controllers_make_in_search_dev_carry_the_secret_as_kubectl_shows_it() {
    String grep =
        "\\$ kubectl get pod %s-[a-z0-9-]+ -n search-dev -o yaml \\| grep -A1 imagePullSecrets\n"
            + " *imagePullSecrets:\n"
            + " *- name: registry-api-tanhdev\n";
    assertThat(printed)
        .contains("Pods made by kube-controller-manager in search-dev:\n")
        .containsPattern(
            "# made by ReplicaSet search-api-[a-z0-9]+\n" + grep.formatted("search-api"))
        .containsPattern(
            "# made by Job search-migrate-0-1-0\n" + grep.formatted("search-migrate-0-1-0"));
  }

  @Test
  void a_rotated_source_reaches_every_copy_and_says_how_long_it_took() {
    assertThat(printed)
        .containsPattern(
            "Rotated infrastructure/registry-api-tanhdev: all 11 copies followed in \\d+ ms\n");
  }

  @Test
  void nothing_it_started_is_left_running() {
    assertThat(processesAfter).isSubsetOf(processesBefore);
  }

  private static Set<Long> descendants() {
    return ProcessHandle.current()
        .descendants()
        .filter(ProcessHandle::isAlive)
        .map(ProcessHandle::pid)
        .collect(Collectors.toSet());
  }
}
