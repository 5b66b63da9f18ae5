package com.tanhdev.pullsecret.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckOptionsTest {

  @Test
  void options_and_paths_may_come_in_any_order() {
    CheckOptions options =
        CheckOptions.parse(List.of("apps", "--output", "json", "--config=rules.yaml", "-", "base"));

    assertThat(options)
        .isEqualTo(
            new CheckOptions(
                Path.of("rules.yaml"),
                OutputFormat.JSON,
                false,
                false,
                false,
                List.of("apps", "-", "base")));
  }

  @Test
  void a_double_dash_ends_the_options() {
    assertThat(CheckOptions.parse(List.of("--fix", "--", "--odd-name.yaml")).paths())
        .containsExactly("--odd-name.yaml");
  }

  @Test
  void help_needs_no_path() {
    assertThat(CheckOptions.parse(List.of("--help")).help()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          no path at all | --fix | no PATH given (use - to read standard input)
          a config option without a file | - --config | --config needs a file
          an output option without a format | - --output | --output needs text, json, github or sarif
          an unknown format | - --output=yaml \
            | --output must be text, json, github or sarif, got yaml
          fix with json output | - --fix --output json \
            | --fix prints or writes manifests; it cannot be combined with --output json
          fix with sarif output | - --fix --output sarif \
            | --fix prints or writes manifests; it cannot be combined with --output sarif
          in place without fix | apps --in-place | --in-place needs --fix
          in place on standard input | - --fix --in-place \
            | --in-place writes files; standard input (-) has none
          an unknown option | - --recursive | unknown option: --recursive
          """)
  void a_command_line_that_makes_no_sense_is_refused(String scenario, String args, String message) {
    assertThatThrownBy(() -> CheckOptions.parse(List.of(args.split(" "))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }
}
