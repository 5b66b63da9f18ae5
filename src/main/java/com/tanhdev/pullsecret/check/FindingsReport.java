package com.tanhdev.pullsecret.check;

import java.io.PrintStream;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Prints a check's result: one line per finding and a summary, or a JSON array of findings. */
public final class FindingsReport {

  private final JsonMapper json;

  public FindingsReport(JsonMapper json) {
    this.json = json;
  }

  /** Warnings and errors, for standard error; they never go to stdout, which may be parsed. */
  public void problems(CheckResult result, PrintStream err) {
    result.warnings().forEach(warning -> err.println("warning: " + warning));
    result.errors().forEach(error -> err.println("error: " + error));
  }

  public void text(CheckResult result, PrintStream out) {
    result.findings().forEach(finding -> out.println(line(finding)));
    out.println(summary(result));
  }

  /** A JSON array of findings, each exactly the fields of {@link Finding}. */
  public void json(CheckResult result, PrintStream out) {
    ArrayNode findings = json.createArrayNode();
    for (Finding finding : result.findings()) {
      ObjectNode entry = findings.addObject();
      entry.put("file", finding.file());
      entry.put("line", finding.line());
      entry.put("column", finding.column());
      entry.put("kind", finding.kind());
      entry.put("namespace", finding.namespace());
      entry.put("name", finding.name());
      entry.put("container", finding.container());
      entry.put("image", finding.image());
      entry.put("secret", finding.secret());
    }
    out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(findings));
  }

  /**
   * What {@code --fix} added and could not add, for standard error (its stdout may be the fixed
   * manifests).
   */
  public void fixed(CheckResult result, EditResult edits, PrintStream err) {
    edits.done().forEach(line -> err.println("fixed: " + line));
    edits.problems().forEach(problem -> err.println("error: " + problem));
    int fixed = edits.done().size();
    int found = result.findings().size();
    String prefix = found == 0 ? "" : fixed == found ? "fixed " : "fixed " + fixed + " of ";
    err.println(prefix + summary(result));
  }

  static String line(Finding finding) {
    return finding.place() + ": " + SarifReport.message(finding);
  }

  static String summary(CheckResult result) {
    String findings =
        result.findings().isEmpty() ? "no findings" : count(result.findings().size(), "finding");
    return findings
        + " in "
        + count(result.workloads(), "workload")
        + " across "
        + count(result.files(), "file");
  }

  private static String count(int number, String noun) {
    return number + " " + noun + (number == 1 ? "" : "s");
  }
}
