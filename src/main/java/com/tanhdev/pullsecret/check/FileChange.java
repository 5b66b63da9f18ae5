package com.tanhdev.pullsecret.check;

/**
 * One input file before and after an edit.
 *
 * @param file the path as read ({@code -} for standard input)
 * @param before its text as read
 * @param after its text with the edits applied; equal to {@code before} when nothing changed
 */
public record FileChange(String file, String before, String after) {

  public boolean isChanged() {
    return !before.equals(after);
  }
}
