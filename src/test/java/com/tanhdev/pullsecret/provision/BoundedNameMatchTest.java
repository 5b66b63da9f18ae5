package com.tanhdev.pullsecret.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BoundedNameMatchTest {

  private static final Pattern BACKTRACKING = Pattern.compile("(.*a){12}");
  private static final String LONGEST_MISS = "a".repeat(62) + "-";

  @Test
  void a_backtracking_pattern_gives_up_with_a_message_instead_of_stalling_the_caller() {
    NamespaceSelection selection =
        new NamespaceSelection(LabelSelector.EVERYTHING, BACKTRACKING, Set.of());

    assertThatThrownBy(() -> selection.selects(LONGEST_MISS, Map.of()))
        .isInstanceOf(BoundedNameMatch.TooCostly.class)
        .hasMessageContaining("namePattern \"(.*a){12}\" needs more than")
        .hasMessageContaining(LONGEST_MISS);
    assertThat(BoundedNameMatch.isAffordable(BACKTRACKING)).isFalse();
  }

  @Test
  void a_usual_pattern_decides_the_longest_names_within_the_budget() {
    Pattern usual = Pattern.compile(".*-(dev|production)$");

    assertThat(BoundedNameMatch.isAffordable(usual)).isTrue();
    assertThat(BoundedNameMatch.matches(usual, "a".repeat(59) + "-dev")).isTrue();
    assertThat(BoundedNameMatch.matches(usual, LONGEST_MISS)).isFalse();
  }
}
