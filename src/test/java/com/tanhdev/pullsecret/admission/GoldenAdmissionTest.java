package com.tanhdev.pullsecret.admission;

import static org.assertj.core.api.Assertions.assertThat;

import com.tanhdev.pullsecret.policy.CurrentPolicy;
import io.fabric8.zjsonpatch.JsonPatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Golden tests: each fixture folder's request goes through the real codec and handler, and the
 * exact AdmissionReview that comes out is compared with {@code expected.json}. Every patch is also
 * applied back to the object, and the patched object is reviewed again: it must need no patch, so
 * reinvocation is safe.
 */
class GoldenAdmissionTest {

  private static final Path ROOT = Path.of("src/test/resources/golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  private final JsonMapper mapper = JsonMappers.strict();
  private final AdmissionCodec codec = new AdmissionCodec(mapper);

  static Stream<GoldenCase> cases() throws IOException {
    try (Stream<Path> folders = Files.list(ROOT)) {
      return folders.filter(Files::isDirectory).sorted().map(GoldenCase::new).toList().stream();
    }
  }

  @Test
  void every_case_folder_has_an_expected_answer() throws IOException {
    List<String> missing =
        cases().filter(c -> !Files.exists(c.expected())).map(GoldenCase::name).toList();
    assertThat(missing).isEmpty();
    assertThat(cases().count()).isGreaterThanOrEqualTo(30);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void the_answer_matches_the_golden_file(GoldenCase golden) throws IOException {
    AdmissionHandler handler =
        new AdmissionHandler(new CurrentPolicy(golden.policy(), golden.secrets()));
    AdmissionRequest request = codec.decode(golden.request());
    JsonNode answer =
        readable(mapper.readTree(codec.encode(request.apiVersion(), handler.handle(request))));

    if (UPDATE && !Files.exists(golden.expected())) {
      Files.writeString(
          golden.expected(),
          mapper.writerWithDefaultPrettyPrinter().writeValueAsString(answer) + "\n");
    }
    assertThat(answer).isEqualTo(mapper.readTree(golden.expected().toFile()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void a_patch_applies_and_the_patched_object_needs_no_second_patch(GoldenCase golden)
      throws IOException {
    AdmissionHandler handler =
        new AdmissionHandler(new CurrentPolicy(golden.policy(), golden.secrets()));
    ObjectNode review = (ObjectNode) mapper.readTree(golden.request());
    AdmissionResponse first = handler.handle(codec.decode(mapper.writeValueAsBytes(review)));
    if (!first.hasPatch()) {
      return;
    }
    JsonNode object = review.get("request").get("object");
    JsonNode patched = JsonPatch.apply(first.patch(), object);
    assertThat(patched.at(podSpecOf(patched) + "/imagePullSecrets").isArray()).isTrue();

    ((ObjectNode) review.get("request")).set("object", patched);
    AdmissionResponse second = handler.handle(codec.decode(mapper.writeValueAsBytes(review)));
    assertThat(second.hasPatch()).as("reinvocation on the patched object").isFalse();
    assertThat(second.outcome().label()).isEqualTo("already-present");
  }

  private static String podSpecOf(JsonNode object) {
    return switch (object.get("kind").stringValue()) {
      case "Pod" -> "/spec";
      case "CronJob" -> "/spec/jobTemplate/spec/template/spec";
      default -> "/spec/template/spec";
    };
  }

  /** Shows the base64 patch decoded, so expected files can be read and reviewed. */
  private JsonNode readable(JsonNode answer) {
    ObjectNode response = (ObjectNode) answer.get("response");
    JsonNode patch = response.get("patch");
    if (patch != null) {
      response.set("patch", mapper.readTree(Base64.getDecoder().decode(patch.stringValue())));
    }
    return answer;
  }
}
