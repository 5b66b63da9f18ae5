package com.tanhdev.pullsecret.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextEditTest {

  @Test
  void edits_apply_against_the_original_text_in_any_order() {
    String text = "a: 1\nb: 2\nc: 3\n";

    String edited =
        TextEdit.apply(
            text,
            List.of(
                TextEdit.delete(5, 10),
                TextEdit.insert(0, "# top\n"),
                TextEdit.insert(15, "d: 4\n")));

    assertThat(edited).isEqualTo("# top\na: 1\nc: 3\nd: 4\n");
  }

  @Test
  void no_edits_give_the_text_back_unchanged() {
    assertThat(TextEdit.apply("a: 1\r\n", List.of())).isEqualTo("a: 1\r\n");
  }

  @Test
  void overlapping_edits_are_refused_rather_than_guessed() {
    assertThatThrownBy(
            () -> TextEdit.apply("abcdef", List.of(TextEdit.delete(1, 4), TextEdit.delete(3, 5))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("overlapping edits at 3");
  }
}
