package com.tanhdev.pullsecret.provision;

import static org.assertj.core.api.Assertions.assertThat;

import com.tanhdev.pullsecret.provision.LabelRequirement.Operator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LabelSelectorTest {

  private static LabelSelector expression(String key, Operator operator, String... values) {
    return new LabelSelector(
        Map.of(), List.of(new LabelRequirement(key, operator, Set.of(values))));
  }

  @Test
  void the_empty_selector_matches_every_namespace_even_one_without_labels() {
    assertThat(LabelSelector.EVERYTHING.matches(Map.of())).isTrue();
    assertThat(LabelSelector.EVERYTHING.matches(null)).isTrue();
  }

  @Test
  void match_labels_needs_every_pair() {
    LabelSelector selector = new LabelSelector(Map.of("env", "dev", "team", "a"), List.of());

    assertThat(selector.matches(Map.of("env", "dev", "team", "a", "x", "y"))).isTrue();
    assertThat(selector.matches(Map.of("env", "dev"))).isFalse();
  }

  @Test
  void in_and_not_in_read_as_kubernetes_reads_them() {
    assertThat(expression("env", Operator.IN, "dev", "production").matches(Map.of("env", "dev")))
        .isTrue();
    assertThat(expression("env", Operator.IN, "dev").matches(Map.of())).isFalse();
    assertThat(expression("env", Operator.NOT_IN, "sandbox").matches(Map.of())).isTrue();
    assertThat(expression("env", Operator.NOT_IN, "sandbox").matches(Map.of("env", "sandbox")))
        .isFalse();
  }

  @Test
  void exists_and_does_not_exist_look_only_at_the_key() {
    assertThat(expression("env", Operator.EXISTS).matches(Map.of("env", ""))).isTrue();
    assertThat(expression("env", Operator.EXISTS).matches(Map.of())).isFalse();
    assertThat(expression("env", Operator.DOES_NOT_EXIST).matches(Map.of())).isTrue();
    assertThat(expression("env", Operator.DOES_NOT_EXIST).matches(Map.of("env", "x"))).isFalse();
  }
}
