package com.tanhdev.pullsecret.source;

import java.util.Comparator;
import java.util.List;

/**
 * Replaces the chars {@code [start, end)} of a text with {@code replacement}: an insertion when the
 * range is empty, a deletion when the replacement is.
 */
public record TextEdit(int start, int end, String replacement) {

  public TextEdit {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad range [" + start + ", " + end + ")");
    }
  }

  public static TextEdit insert(int at, String text) {
    return new TextEdit(at, at, text);
  }

  public static TextEdit delete(int start, int end) {
    return new TextEdit(start, end, "");
  }

  /**
   * Applies edits that do not overlap, whatever their order; every byte outside them is kept.
   *
   * @throws IllegalArgumentException when two edits overlap
   */
  public static String apply(String text, List<TextEdit> edits) {
    List<TextEdit> sorted =
        edits.stream().sorted(Comparator.comparingInt(TextEdit::start)).toList();
    StringBuilder result = new StringBuilder(text.length() + 64);
    int copied = 0;
    for (TextEdit edit : sorted) {
      if (edit.start < copied) {
        throw new IllegalArgumentException("overlapping edits at " + edit.start);
      }
      result.append(text, copied, edit.start).append(edit.replacement);
      copied = edit.end;
    }
    return result.append(text, copied, text.length()).toString();
  }
}
