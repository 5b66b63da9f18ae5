package com.tanhdev.pullsecret.admission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WarningTextTest {

  @Test
  void a_warning_that_fits_is_left_as_it_is() {
    String warning = "pullsecret-webhook: secret s does not exist in namespace n; not added";
    assertThat(WarningText.fit(warning)).isEqualTo(warning);
  }

  @Test
  void an_over_long_image_is_cut_with_an_ellipsis_and_the_rest_is_kept() {
    String image = "registry-api.tanhdev.com/" + "a".repeat(5_000);
    String fitted =
        WarningText.fit(
            "pullsecret-webhook: image \"" + image + "\" of container c is invalid (x)");
    assertThat(fitted)
        .hasSize(WarningText.MAX_LENGTH)
        .startsWith("pullsecret-webhook: image \"registry-api.tanhdev.com/aaa")
        .endsWith("a…\" of container c is invalid (x)");
  }

  @Test
  void an_over_long_sentence_keeps_its_last_clause() {
    String fitted =
        WarningText.fit("pullsecret-webhook: secret " + "s".repeat(300) + "; not added");
    assertThat(fitted).hasSize(WarningText.MAX_LENGTH).endsWith("s…; not added");
  }

  @Test
  void a_cut_never_splits_a_surrogate_pair() {
    String fitted = WarningText.fit("x".repeat(107) + "😀".repeat(50));
    assertThat(fitted.codePoints().filter(c -> c >= 0xD800 && c <= 0xDFFF).count()).isZero();
    assertThat(fitted.length()).isLessThanOrEqualTo(WarningText.MAX_LENGTH);
  }
}
