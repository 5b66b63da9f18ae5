package com.tanhdev.pullsecret.check;

import java.util.List;

/** Joins the texts of several files into one YAML stream, as {@code --fix} prints them. */
public final class ManifestStream {

  private ManifestStream() {}

  /** Each file's text after its edits, a {@code ---} line between files that need one. */
  public static String join(List<FileChange> files) {
    StringBuilder stream = new StringBuilder();
    for (FileChange file : files) {
      String text = file.after();
      if (text.isEmpty()) {
        continue;
      }
      if (!stream.isEmpty()) {
        if (stream.charAt(stream.length() - 1) != '\n') {
          stream.append('\n');
        }
        if (!text.startsWith("---")) {
          stream.append("---\n");
        }
      }
      stream.append(text);
    }
    return stream.toString();
  }
}
