package com.tanhdev.pullsecret.cli;

import com.tanhdev.pullsecret.check.ChangeWriter;
import com.tanhdev.pullsecret.check.EditResult;
import com.tanhdev.pullsecret.check.FileChange;
import com.tanhdev.pullsecret.check.ManifestReader;
import com.tanhdev.pullsecret.check.ManifestStripper;
import com.tanhdev.pullsecret.check.ManifestYaml;
import com.tanhdev.pullsecret.check.Manifests;
import com.tanhdev.pullsecret.check.StripOptions;
import com.tanhdev.pullsecret.check.UnifiedDiff;
import com.tanhdev.pullsecret.check.WorkloadScanner;
import com.tanhdev.pullsecret.config.ConfigLoader;
import com.tanhdev.pullsecret.config.WebhookConfig;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * {@code strip}: the migration off hand-written pull secrets, once the webhook adds them. Removes
 * the entries the rules' secrets from the pod specs whose images need them, and prints the change
 * as a diff or writes it.
 */
final class StripCommand {

  private static final String USAGE =
      """
      Usage: pullsecret-webhook strip [--config FILE] [--in-place] PATH...

      Removes from imagePullSecrets the entries naming a rule's secret, in every pod spec whose
      images that rule covers (the webhook adds them now), and imagePullSecrets itself when it
      becomes empty. Other secrets, workloads annotated pullsecret.tanhdev.com/inject: "false"
      and pod specs that pull nothing from the rules' registries are left alone. Every other
      byte of the files stays as it was. PATHs are read as check reads them.

        --config FILE     the rules file serve uses (default: the embedded default)
        --in-place        write the files that change instead of printing a unified diff
        --help            print this help

      Exit status: 0 done (or nothing to remove), 1 an entry that cannot be removed in place,
      2 unreadable input, bad options or a bad config.
      """;

  private final Map<String, String> env;

  StripCommand(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
    return CommandFrame.run(
        "strip",
        USAGE,
        () -> StripOptions.parse(args),
        StripOptions::help,
        options -> strip(options, in, out, err),
        out,
        err);
  }

  private int strip(StripOptions options, InputStream in, PrintStream out, PrintStream err) {
    WebhookConfig config = new ConfigLoader().loadOrEmbedded(options.config(), env);
    Manifests manifests = new ManifestReader(ManifestYaml.mapper(), in).read(options.paths());
    EditResult edits =
        new ManifestStripper(new WorkloadScanner(config.policy().rules())).strip(manifests);
    List<FileChange> changed = edits.changedFiles();
    if (options.inPlace()) {
      new ChangeWriter().write(changed);
    } else {
      changed.forEach(change -> out.print(UnifiedDiff.of(change)));
    }
    edits.done().forEach(line -> err.println("stripped: " + line));
    edits.problems().forEach(problem -> err.println("error: " + problem));
    err.println(
        "stripped "
            + count(edits.done().size(), "workload")
            + " in "
            + count(changed.size(), "file")
            + " of "
            + count(manifests.files().size(), "file"));
    return edits.problems().isEmpty() ? 0 : 1;
  }

  private static String count(int number, String noun) {
    return number + " " + noun + (number == 1 ? "" : "s");
  }
}
