package com.tanhdev.pullsecret.source;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The text of one manifest file as it was read, with the line arithmetic that edits need. Offsets
 * are char offsets into {@link #text()}; the parser's marks count code points and are converted.
 */
public final class SourceText {

  private final String text;
  private final boolean isLosslessUtf8;
  private final int[] charOffsetOfCodePoint;

  private SourceText(String text, boolean isLosslessUtf8) {
    this.text = text;
    this.isLosslessUtf8 = isLosslessUtf8;
    this.charOffsetOfCodePoint =
        text.codePointCount(0, text.length()) == text.length() ? null : codePointTable(text);
  }

  public static SourceText of(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    return new SourceText(text, Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes));
  }

  public static SourceText of(String text) {
    return new SourceText(text, true);
  }

  public String text() {
    return text;
  }

  /** False for bytes that are not UTF-8: writing the decoded text back would change them. */
  public boolean isLosslessUtf8() {
    return isLosslessUtf8;
  }

  /** The file's own line break: a file written on Windows keeps its CRLF in added lines. */
  public String lineBreak() {
    int newline = text.indexOf('\n');
    return newline > 0 && text.charAt(newline - 1) == '\r' ? "\r\n" : "\n";
  }

  public int offset(Mark mark) {
    int index = mark.getIndex();
    return charOffsetOfCodePoint == null ? index : charOffsetOfCodePoint[index];
  }

  public int start(Node node) {
    return offset(node.getStartMark().orElseThrow());
  }

  public int end(Node node) {
    return offset(node.getEndMark().orElseThrow());
  }

  public int lineStart(int offset) {
    return text.lastIndexOf('\n', offset - 1) + 1;
  }

  /** The offset just after the line break that ends the line holding {@code offset}, or the end. */
  public int afterLine(int offset) {
    if (offset > 0 && offset <= text.length() && text.charAt(offset - 1) == '\n') {
      return offset;
    }
    int newline = text.indexOf('\n', offset);
    return newline < 0 ? text.length() : newline + 1;
  }

  /** The spaces before {@code offset} on its line, or null when something else stands there. */
  public String indentBefore(int offset) {
    String before = text.substring(lineStart(offset), offset);
    return before.isBlank() && before.chars().allMatch(c -> c == ' ') ? before : null;
  }

  public boolean endsWithLineBreak() {
    return text.endsWith("\n");
  }

  private static int[] codePointTable(String text) {
    int[] table = new int[text.codePointCount(0, text.length()) + 1];
    int charOffset = 0;
    for (int i = 0; i < table.length - 1; i++) {
      table[i] = charOffset;
      charOffset += Character.charCount(text.codePointAt(charOffset));
    }
    table[table.length - 1] = charOffset;
    return table;
  }
}
