package com.tanhdev.pullsecret.audit;

import java.io.PrintStream;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Prints findings: one line each and a summary, or a JSON array of findings. */
public final class AuditReport {

  private final JsonMapper json;

  public AuditReport(JsonMapper json) {
    this.json = json;
  }

  public void text(List<AuditFinding> findings, PrintStream out) {
    for (AuditFinding finding : findings) {
      out.println(
          finding.namespace()
              + " "
              + finding.kind()
              + "/"
              + finding.name()
              + ": "
              + finding.problem()
              + ": "
              + finding.detail());
    }
    out.println(
        findings.isEmpty()
            ? "no findings"
            : findings.size() + " finding" + (findings.size() == 1 ? "" : "s"));
  }

  /** A JSON array of findings, each exactly the fields of {@link AuditFinding}. */
  public void json(List<AuditFinding> findings, PrintStream out) {
    ArrayNode array = json.createArrayNode();
    for (AuditFinding finding : findings) {
      ObjectNode entry = array.addObject();
      entry.put("namespace", finding.namespace());
      entry.put("kind", finding.kind());
      entry.put("name", finding.name());
      entry.put("secret", finding.secret());
      entry.put("problem", finding.problem());
      entry.put("detail", finding.detail());
    }
    out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(array));
  }
}
