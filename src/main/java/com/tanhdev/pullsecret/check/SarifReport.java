package com.tanhdev.pullsecret.check;

import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Findings as a SARIF 2.1.0 log, the format code scanning tools read: one result per finding,
 * located at the file, line and column where its pod spec starts.
 */
public final class SarifReport {

  static final String RULE_ID = "missing-image-pull-secret";
  private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private final JsonMapper json;

  public SarifReport(JsonMapper json) {
    this.json = json;
  }

  public void print(CheckResult result, PrintStream out) {
    ObjectNode log = json.createObjectNode();
    log.put("$schema", SCHEMA);
    log.put("version", "2.1.0");
    ObjectNode run = log.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "pullsecret-webhook");
    ObjectNode rule = driver.putArray("rules").addObject();
    rule.put("id", RULE_ID);
    rule.putObject("shortDescription").put("text", GithubAnnotations.TITLE);
    rule.putObject("fullDescription")
        .put(
            "text",
            "A pod spec pulls an image from a registry whose pull secret its imagePullSecrets"
                + " does not list.");
    rule.putObject("defaultConfiguration").put("level", "error");
    ArrayNode results = run.putArray("results");
    for (Finding finding : result.findings()) {
      ObjectNode entry = results.addObject();
      entry.put("ruleId", RULE_ID);
      entry.put("level", "error");
      entry.putObject("message").put("text", message(finding));
      ObjectNode location = entry.putArray("locations").addObject().putObject("physicalLocation");
      location.putObject("artifactLocation").put("uri", uri(finding.file()));
      if (finding.line() > 0) {
        location
            .putObject("region")
            .put("startLine", finding.line())
            .put("startColumn", finding.column());
      }
    }
    out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(log));
  }

  /** The finding without its place, which annotations and SARIF carry apart. */
  static String message(Finding finding) {
    String workload =
        finding.namespace().isEmpty() ? finding.name() : finding.namespace() + "/" + finding.name();
    return finding.kind()
        + " "
        + workload
        + " container "
        + finding.container()
        + " pulls "
        + finding.image()
        + " but imagePullSecrets lacks "
        + finding.secret();
  }

  /** A relative URI reference for the path as given (spaces and the like percent-encoded). */
  static String uri(String file) {
    try {
      return new URI(null, null, file, null).toASCIIString();
    } catch (URISyntaxException e) {
      return file;
    }
  }
}
