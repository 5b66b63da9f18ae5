package com.tanhdev.pullsecret.check;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.ArrayList;
import java.util.List;

/** A file change as a unified diff with {@code a/} and {@code b/} prefixes, as git prints it. */
public final class UnifiedDiff {

  private static final int CONTEXT_LINES = 3;
  private static final String NO_FINAL_LINE_BREAK = "\n\\ No newline at end of file";

  private UnifiedDiff() {}

  /** The diff, ending with a line break; "" when nothing changed. */
  public static String of(FileChange change) {
    if (!change.isChanged()) {
      return "";
    }
    List<String> before = lines(change.before());
    List<String> after = lines(change.after());
    // An absolute path loses its leading '/' after the prefix, as in git's own diffs.
    String path = change.file().replaceFirst("^/+", "");
    List<String> diff =
        UnifiedDiffUtils.generateUnifiedDiff(
            "a/" + path, "b/" + path, before, DiffUtils.diff(before, after), CONTEXT_LINES);
    return String.join("\n", diff) + "\n";
  }

  /**
   * Lines without their '\n' (a '\r' stays, as git shows it). A last line without a line break
   * carries git's marker, so it differs from the same line with one and prints as git prints it.
   */
  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    String last = lines.remove(lines.size() - 1);
    if (!last.isEmpty()) {
      lines.add(last + NO_FINAL_LINE_BREAK);
    }
    return lines;
  }
}
