package com.tanhdev.pullsecret.cli;

import com.tanhdev.pullsecret.check.ChangeWriter;
import com.tanhdev.pullsecret.check.CheckOptions;
import com.tanhdev.pullsecret.check.CheckResult;
import com.tanhdev.pullsecret.check.EditResult;
import com.tanhdev.pullsecret.check.FindingsReport;
import com.tanhdev.pullsecret.check.GithubAnnotations;
import com.tanhdev.pullsecret.check.ManifestChecker;
import com.tanhdev.pullsecret.check.ManifestFixer;
import com.tanhdev.pullsecret.check.ManifestReader;
import com.tanhdev.pullsecret.check.ManifestStream;
import com.tanhdev.pullsecret.check.ManifestYaml;
import com.tanhdev.pullsecret.check.Manifests;
import com.tanhdev.pullsecret.check.SarifReport;
import com.tanhdev.pullsecret.check.WorkloadScanner;
import com.tanhdev.pullsecret.config.ConfigLoader;
import com.tanhdev.pullsecret.config.ProcessEnvironment;
import com.tanhdev.pullsecret.config.WebhookConfig;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code check}: reports workloads in manifests whose images need a pull secret, by the same rules
 * as {@code serve}, that their pod spec does not list; with {@code --fix}, adds those secrets to
 * the manifests' text. Offline: whether a secret exists in the cluster is not checked.
 */
final class CheckCommand {

  private static final String USAGE =
      """
      Usage: pullsecret-webhook check [--config FILE] [--output text|json|github|sarif]
                                      [--fix [--in-place]] PATH...

      Reports every Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job and CronJob whose
      images need a pull secret (by the rules) that its imagePullSecrets lacks. A PATH is a file,
      a directory (searched for *.yaml, *.yml and *.json) or - for standard input; files may hold
      several documents, as 'kustomize build' prints them, and Lists. Workloads annotated
      pullsecret.tanhdev.com/inject: "false" (or whose pod template is) are skipped.

        --config FILE     the rules file serve uses (default: the embedded default)
        --output FORMAT   text (default), json (an array of findings), github (workflow
                          annotations on the pod spec's line) or sarif (SARIF 2.1.0)
        --fix             add the missing secrets to the manifests as a person would (every
                          other byte stays as it was) and print them
        --in-place        with --fix: write the files that change instead of printing
        --help            print this help

      Exit status: 0 nothing missing (or fixed), 1 findings or an imagePullSecrets that is not a
      list, 2 unreadable input, bad options or a bad config. Whether the secrets exist in the
      cluster is not checked.
      """;

  private final Map<String, String> env;

  CheckCommand() {
    this(ProcessEnvironment.current().variables());
  }

  /** With the environment whose {@code PULLSECRET_*} overrides apply, as they do for serve. */
  CheckCommand(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
    return CommandFrame.run(
        "check",
        USAGE,
        () -> CheckOptions.parse(args),
        CheckOptions::help,
        options -> check(options, in, out, err),
        out,
        err);
  }

  private int check(CheckOptions options, InputStream in, PrintStream out, PrintStream err) {
    WebhookConfig config = new ConfigLoader().loadOrEmbedded(options.config(), env);
    Manifests manifests = new ManifestReader(ManifestYaml.mapper(), in).read(options.paths());
    WorkloadScanner scanner = new WorkloadScanner(config.policy().rules());
    CheckResult result = new ManifestChecker(scanner).check(manifests);
    JsonMapper json = JsonMapper.builder().build();
    FindingsReport report = new FindingsReport(json);
    report.problems(result, err);
    if (options.fix()) {
      EditResult edits = new ManifestFixer(scanner).fix(manifests);
      if (options.inPlace()) {
        new ChangeWriter().write(edits.changedFiles());
      } else {
        out.print(ManifestStream.join(edits.changes()));
      }
      report.fixed(result, edits, err);
      // Findings are fixed; an imagePullSecrets that is not a list, or one that cannot be edited
      // in place, is not.
      return result.errors().isEmpty() && edits.problems().isEmpty() ? 0 : 1;
    }
    switch (options.output()) {
      case JSON -> report.json(result, out);
      case GITHUB -> new GithubAnnotations().print(result, out);
      case SARIF -> new SarifReport(json).print(result, out);
      case TEXT -> report.text(result, out);
    }
    return result.isClean() ? 0 : 1;
  }
}
