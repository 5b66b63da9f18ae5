package com.tanhdev.pullsecret.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProvisionCommandTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(
        List.of(args),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void help_prints_the_usage() {
    assertThat(run("provision", "--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("Usage: pullsecret-webhook provision [--config FILE]");
  }

  @Test
  void an_unknown_option_is_refused_with_the_usage() {
    assertThat(run("provision", "--selector", "x")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("provision: unknown option: --selector")
        .contains("Usage: pullsecret-webhook provision");
  }

  @Test
  void a_bad_config_file_is_refused_before_anything_starts() throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("provision", ".yaml");
    java.nio.file.Files.writeString(file, "provisioning:\n  adoptExisting: maybe\n");

    assertThat(run("provision", "--config", file.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("provisioning.adoptExisting: must be true or false");
  }

  @Test
  void the_command_list_names_provision() {
    run();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("provision  Copy each rule's source");
  }
}
