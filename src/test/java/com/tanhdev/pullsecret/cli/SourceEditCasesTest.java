package com.tanhdev.pullsecret.cli;

import static com.tanhdev.pullsecret.cli.CheckRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.tanhdev.pullsecret.check.TestManifests;
import com.tanhdev.pullsecret.check.WorkloadCheck;
import com.tanhdev.pullsecret.check.WorkloadScanner;
import com.tanhdev.pullsecret.cli.CheckRun.Result;
import com.tanhdev.pullsecret.patch.PatchBuilder;
import com.tanhdev.pullsecret.policy.PolicySettings;
import io.fabric8.zjsonpatch.JsonPatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * The folders of {@code src/test/resources/edit/}: real-world file shapes, each edited by {@code
 * check --fix --in-place} and {@code strip --in-place} and compared byte for byte (see the folder's
 * README).
 */
class SourceEditCasesTest {

  private static final Path CASES =
      Path.of(System.getProperty("project.basedir", "."), "src/test/resources/edit");

  private final WorkloadScanner scanner = new WorkloadScanner(PolicySettings.defaults().rules());

  @TempDir Path dir;

  static Stream<String> editable() {
    return cases().filter(name -> !Files.exists(CASES.resolve(name).resolve("unreadable.txt")));
  }

  static Stream<String> unreadable() {
    return cases().filter(name -> Files.exists(CASES.resolve(name).resolve("unreadable.txt")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("editable")
  void fix_in_place_writes_exactly_the_expected_file(String name) {
    Path file = copy(name, "input");

    Result fixed = fixInPlace(file);

    assertThat(fixed.exitCode()).as(fixed.err()).isZero();
    assertSameBytes(file, expected(name, "fixed"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("editable")
  void strip_in_place_writes_exactly_the_expected_file(String name) {
    Path file = copy(name, "input");

    Result stripped = stripInPlace(file);

    assertThat(stripped.exitCode()).as(stripped.err()).isZero();
    assertSameBytes(file, expected(name, "stripped"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("editable")
  void a_fixed_file_has_no_findings_and_neither_edit_changes_its_own_result(String name) {
    Path fixed = copy(name, "fixed");
    Path stripped = copy(name, "stripped");

    assertThat(run("", fixed.toString()).out()).startsWith("no findings");
    fixInPlace(fixed);
    stripInPlace(stripped);

    assertSameBytes(fixed, expected(name, "fixed"));
    assertSameBytes(stripped, expected(name, "stripped"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("editable")
  void strip_then_fix_gives_the_fixed_file_back_unless_the_case_says_why_not(String name) {
    Path file = copy(name, "fixed");

    stripInPlace(file);
    fixInPlace(file);

    if (Files.exists(CASES.resolve(name).resolve("not-restored.txt"))) {
      assertThat(read(file))
          .as("stale not-restored.txt")
          .isNotEqualTo(read(expected(name, "fixed")));
    } else {
      assertSameBytes(file, expected(name, "fixed"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("editable")
  void the_fixed_file_means_what_the_webhooks_patch_makes_of_the_input(String name) {
    List<JsonNode> input = TestManifests.documents(read(expected(name, "input")));
    List<JsonNode> fixed = TestManifests.documents(read(expected(name, "fixed")));

    assertThat(fixed).containsExactlyElementsOf(input.stream().map(this::patched).toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unreadable")
  void an_unreadable_file_is_refused_by_both_edits_and_left_untouched(String name) {
    Path file = copy(name, "input");
    String message = read(CASES.resolve(name).resolve("unreadable.txt")).strip();

    Result fixed = fixInPlace(file);
    Result stripped = stripInPlace(file);

    assertThat(fixed.exitCode()).isEqualTo(2);
    assertThat(stripped.exitCode()).isEqualTo(2);
    assertThat(fixed.err()).contains(message);
    assertThat(stripped.err()).contains(message);
    assertSameBytes(file, expected(name, "input"));
  }

  /** The document as the webhook would admit it: its own JSON Patch applied to every workload. */
  private JsonNode patched(JsonNode document) {
    JsonNode items = document.path("items");
    boolean isList = document.path("kind").asString("").endsWith("List") && items.isArray();
    List<String> objects = new ArrayList<>();
    for (int i = 0; isList && i < items.size(); i++) {
      objects.add("/items/" + i);
    }
    JsonNode result = document;
    for (String object : isList ? objects : List.of("")) {
      Optional<WorkloadCheck> check = scanner.scan(document.at(object));
      if (check.isPresent() && !check.get().missing().isEmpty()) {
        ArrayNode operations =
            new PatchBuilder()
                .addPullSecrets(
                    object + check.get().workload().kind().podSpecPointer(),
                    check.get().pullSecretsField(),
                    check.get().missingSecretNames());
        result = JsonPatch.apply(operations, result);
      }
    }
    return result;
  }

  private static Result fixInPlace(Path file) {
    return run("", "--fix", "--in-place", file.toString());
  }

  private static Result stripInPlace(Path file) {
    return CheckRun.strip("", "--in-place", file.toString());
  }

  private Path copy(String name, String role) {
    try {
      Path source = expected(name, role);
      Path target = dir.resolve(role + "-" + source.getFileName());
      return Files.copy(source, target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code <role>.yaml} or {@code <role>.json}, whichever the case has. */
  private static Path expected(String name, String role) {
    Path yaml = CASES.resolve(name).resolve(role + ".yaml");
    return Files.exists(yaml) ? yaml : CASES.resolve(name).resolve(role + ".json");
  }

  private static void assertSameBytes(Path actual, Path expected) {
    // As text first, for a readable difference; then as bytes, where a CR counts.
    assertThat(read(actual)).isEqualTo(read(expected));
    try {
      assertThat(Files.readAllBytes(actual)).isEqualTo(Files.readAllBytes(expected));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Stream<String> cases() {
    try (Stream<Path> folders = Files.list(CASES)) {
      return folders
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
