package com.tanhdev.pullsecret.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FindingsReportTest {

  private static final Finding DEBUG_POD =
      new Finding(
          "debug.yaml",
          12,
          3,
          "Pod",
          "",
          "auth-debug",
          "shell",
          "registry-api.tanhdev.com/auth/debug:1",
          "registry-api-tanhdev");

  @Test
  void a_finding_names_its_line_and_without_a_namespace_the_workload_alone() {
    assertThat(FindingsReport.line(DEBUG_POD))
        .isEqualTo(
            "debug.yaml:12: Pod auth-debug container shell pulls registry-api.tanhdev.com/auth/debug:1"
                + " but imagePullSecrets lacks registry-api-tanhdev");
  }

  @Test
  void the_summary_counts_in_words_that_agree_with_the_numbers() {
    assertThat(
            FindingsReport.summary(new CheckResult(List.of(DEBUG_POD), List.of(), List.of(), 1, 1)))
        .isEqualTo("1 finding in 1 workload across 1 file");
    assertThat(FindingsReport.summary(new CheckResult(List.of(), List.of(), List.of(), 0, 0)))
        .isEqualTo("no findings in 0 workloads across 0 files");
  }
}
