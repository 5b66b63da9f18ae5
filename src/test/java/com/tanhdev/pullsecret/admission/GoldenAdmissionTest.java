package com.tanhdev.pullsecret.admission;

import static org.assertj.core.api.Assertions.assertThat;

import com.tanhdev.pullsecret.policy.CurrentPolicy;
import io.fabric8.zjsonpatch.JsonPatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * exact AdmissionReview that comes out is compared with {@code expected.json}, patch or its absence
 * included. Every golden patch is also applied back to the object, and the patched object is
 * reviewed again: it must need no patch, so reinvocation is safe.
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
    assertThat(patchedCases().count()).as("cases whose answer patches").isGreaterThanOrEqualTo(20);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void the_answer_matches_the_golden_file(GoldenCase golden) throws IOException {
    AdmissionHandler handler =
        new AdmissionHandler(new CurrentPolicy(golden.policy(), golden.secrets()));
    AdmissionRequest request = codec.decode(golden.request());
    JsonNode answer =
        readable(
            mapper.readTree(
                codec.encode(request.apiVersion(), handler.handle(request).response())));

    if (UPDATE && !Files.exists(golden.expected())) {
      Files.writeString(
          golden.expected(),
          mapper.writerWithDefaultPrettyPrinter().writeValueAsString(answer) + "\n");
    }
    assertThat(answer).isEqualTo(mapper.readTree(golden.expected().toFile()));
  }

  /**
   * Logs and metrics read the record, the API server the response: for every case, the record names
   * the kind of answer the response is, and the same decision, secrets and warning count.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void the_log_record_tells_the_same_answer_as_the_response(GoldenCase golden) throws IOException {
    AdmissionHandler handler =
        new AdmissionHandler(new CurrentPolicy(golden.policy(), golden.secrets()));
    Answer answer = handler.handle(codec.decode(golden.request()));
    AdmissionResponse response = answer.response();
    ReviewRecord record = answer.record();

    assertThat(record.kind()).isEqualTo(kindOf(response));
    assertThat(record.isAllowed()).isEqualTo(response.allowed());
    assertThat(record.warningCount()).isEqualTo(response.warnings().size());
    assertThat(response.auditAnnotations().getOrDefault("decision", "not-handled"))
        .isEqualTo(record.outcome().label());
    assertThat(String.join(",", record.secretsAdded()))
        .isEqualTo(response.hasPatch() ? response.auditAnnotations().get("secrets") : "");
  }

  /** The kind of answer as the API server sees it. */
  private static AnswerKind kindOf(AdmissionResponse response) {
    if (!response.allowed()) {
      return AnswerKind.DENIED;
    }
    if (response.hasPatch()) {
      return AnswerKind.PATCHED;
    }
    if (response.auditAnnotations().isEmpty()) {
      return AnswerKind.IGNORED;
    }
    return "report".equals(response.auditAnnotations().get("mode"))
        ? AnswerKind.REPORTED
        : AnswerKind.UNCHANGED;
  }

  /**
   * Every case whose golden answer patches: the golden patch applies to the object, appends the
   * secrets it names, and a review of the patched object (what the API server sends when it
   * reinvokes the webhook) needs no second patch.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("patchedCases")
  void the_golden_patch_applies_and_the_patched_object_needs_no_second_patch(GoldenCase golden)
      throws IOException {
    JsonNode expected = mapper.readTree(golden.expected().toFile()).get("response");
    ObjectNode review = (ObjectNode) mapper.readTree(golden.request());
    JsonNode patched = JsonPatch.apply(expected.get("patch"), review.get("request").get("object"));

    List<String> added = List.of(expected.at("/auditAnnotations/secrets").stringValue().split(","));
    JsonNode entries = patched.at(podSpecOf(patched) + "/imagePullSecrets");
    List<JsonNode> appended = new ArrayList<>();
    entries.forEach(appended::add);
    assertThat(appended.subList(appended.size() - added.size(), appended.size()))
        .as("the entries the patch appends")
        .isEqualTo(
            added.stream().map(name -> mapper.createObjectNode().put("name", name)).toList());

    ((ObjectNode) review.get("request")).set("object", patched);
    AdmissionHandler handler =
        new AdmissionHandler(new CurrentPolicy(golden.policy(), golden.secrets()));
    AdmissionResponse second =
        handler.handle(codec.decode(mapper.writeValueAsBytes(review))).response();
    assertThat(second.hasPatch()).as("reinvocation on the patched object").isFalse();
    assertThat(second.allowed()).isTrue();
    assertThat(second.auditAnnotations()).containsEntry("decision", "already-present");
  }

  static Stream<GoldenCase> patchedCases() throws IOException {
    return cases().filter(GoldenAdmissionTest::patches);
  }

  private static boolean patches(GoldenCase golden) {
    try {
      return JsonMappers.strict()
          .readTree(golden.expected().toFile())
          .at("/response/patch")
          .isArray();
    } catch (RuntimeException e) {
      return false; // a case without a readable expected answer fails the tests above
    }
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
