package com.tanhdev.pullsecret.admission;

/**
 * Fits one admission warning into {@link #MAX_LENGTH} characters. Kubernetes' admission webhook
 * good practices ask for warnings under 120 characters: kubectl prints each on a line of its own,
 * and the API server caps what warnings may add to a response. Warnings quote user input (image
 * strings) that can be any length, so the longest quoted part is cut first, with an ellipsis; what
 * is still too long then loses its middle, so the end that says what happened ("; not added") is
 * always there.
 */
final class WarningText {

  static final int MAX_LENGTH = 120;

  private static final String ELLIPSIS = "…";

  /** A quoted part is never cut shorter than this, so it still says which image it was. */
  private static final int MIN_QUOTED = 16;

  /** The last clause is kept through a cut when it is at most this long. */
  private static final int MAX_KEPT_CLAUSE = 40;

  private WarningText() {}

  static String fit(String text) {
    String fitted = shortenLongestQuote(text);
    if (fitted.length() <= MAX_LENGTH) {
      return fitted;
    }
    int clause = fitted.lastIndexOf("; ");
    String kept =
        clause >= 0 && fitted.length() - clause <= MAX_KEPT_CLAUSE ? fitted.substring(clause) : "";
    int head = MAX_LENGTH - ELLIPSIS.length() - kept.length();
    return fitted.substring(0, safeCut(fitted, head)) + ELLIPSIS + kept;
  }

  private static String shortenLongestQuote(String text) {
    int excess = text.length() - MAX_LENGTH;
    if (excess <= 0) {
      return text;
    }
    int bestStart = -1;
    int bestEnd = -1;
    for (int open = text.indexOf('"'); open >= 0; ) {
      int close = text.indexOf('"', open + 1);
      if (close < 0) {
        break;
      }
      if (close - open > bestEnd - bestStart) {
        bestStart = open + 1;
        bestEnd = close;
      }
      open = text.indexOf('"', close + 1);
    }
    int quoted = bestEnd - bestStart;
    if (quoted <= MIN_QUOTED) {
      return text;
    }
    int keep = Math.max(MIN_QUOTED, quoted - excess - ELLIPSIS.length());
    return text.substring(0, safeCut(text, bestStart + keep)) + ELLIPSIS + text.substring(bestEnd);
  }

  /** An end index that does not split a surrogate pair (a lone one is not valid UTF-8). */
  private static int safeCut(String text, int end) {
    return end > 0 && Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end;
  }
}
