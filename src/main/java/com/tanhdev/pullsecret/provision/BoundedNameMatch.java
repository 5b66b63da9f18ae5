package com.tanhdev.pullsecret.provision;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Full-matches a namespace name against the configured {@code namePattern} within a budget of
 * character reads. Java's regex engine backtracks: a pattern such as {@code (.*a){12}} needs
 * billions of steps to reject a 63-character name, and the same selection runs in the webhook's
 * admission path and the provisioner's workers, so one careless pattern would stall both. An honest
 * pattern reads a name's characters a few hundred times at most.
 */
public final class BoundedNameMatch {

  static final int READ_BUDGET = 100_000;

  /**
   * Names that make a backtracking pattern show itself at load: the longest namespace names, of
   * each kind of character, with each kind of ending. Not every bad pattern fails on one of them;
   * the budget still bounds those at run time.
   */
  private static final List<String> PROBES = probes();

  private BoundedNameMatch() {}

  /**
   * @throws TooCostly when the pattern needs more than the budget to decide
   */
  public static boolean matches(Pattern pattern, String name) {
    return pattern.matcher(new CountingName(pattern, name)).matches();
  }

  /** Whether the pattern decides each probe name within the budget; false: it backtracks. */
  public static boolean isAffordable(Pattern pattern) {
    try {
      PROBES.forEach(name -> matches(pattern, name));
      return true;
    } catch (TooCostly e) {
      return false;
    }
  }

  private static List<String> probes() {
    List<String> names = new java.util.ArrayList<>();
    for (String body : List.of("a", "0", "-", "a-", "a0")) {
      for (String end : List.of("", "a", "0", "-", "x")) {
        String repeated = body.repeat(63);
        names.add(repeated.substring(0, 63 - end.length()) + end);
      }
    }
    return List.copyOf(names);
  }

  /** The name pattern gave up: it would backtrack far longer than any name deserves. */
  public static final class TooCostly extends RuntimeException {

    TooCostly(Pattern pattern, String name) {
      super(
          "provisioning.namespaces.namePattern \""
              + pattern.pattern()
              + "\" needs more than "
              + READ_BUDGET
              + " steps to match namespace "
              + name
              + "; it backtracks, simplify it",
          null,
          false,
          false);
    }
  }

  private static final class CountingName implements CharSequence {

    private final Pattern pattern;
    private final String name;
    private int reads;

    CountingName(Pattern pattern, String name) {
      this.pattern = pattern;
      this.name = name;
    }

    @Override
    public char charAt(int index) {
      if (++reads > READ_BUDGET) {
        throw new TooCostly(pattern, name);
      }
      return name.charAt(index);
    }

    @Override
    public int length() {
      return name.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return name.subSequence(start, end);
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
