package com.tanhdev.pullsecret.check;

import java.io.PrintStream;

/**
 * Findings as GitHub Actions workflow commands ({@code ::error file=...,line=...::message}), which
 * the pull request shows on the line of the pod spec, followed by the summary line.
 */
public final class GithubAnnotations {

  static final String TITLE = "Missing image pull secret";

  public void print(CheckResult result, PrintStream out) {
    for (Finding finding : result.findings()) {
      StringBuilder command = new StringBuilder("::error ");
      // Standard input has no file in the repository to point at: the annotation has none.
      if (!finding.file().equals("-")) {
        command.append("file=").append(property(finding.file())).append(',');
      }
      if (finding.line() > 0) {
        command.append("line=").append(finding.line()).append(',');
        command.append("col=").append(finding.column()).append(',');
      }
      command.append("title=").append(property(TITLE));
      out.println(command.append("::").append(data(SarifReport.message(finding))));
    }
    out.println(FindingsReport.summary(result));
  }

  /** The escaping the runner undoes in a message. */
  static String data(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** The escaping the runner undoes in a property value, where ',' and ':' are separators. */
  static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }
}
