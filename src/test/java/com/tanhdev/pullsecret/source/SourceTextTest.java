package com.tanhdev.pullsecret.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

class SourceTextTest {

  @Test
  void a_file_written_on_windows_keeps_crlf_in_added_lines() {
    assertThat(SourceText.of("a: 1\r\nb: 2\r\n").lineBreak()).isEqualTo("\r\n");
    assertThat(SourceText.of("a: 1\nb: 2\n").lineBreak()).isEqualTo("\n");
    assertThat(SourceText.of("a: 1").lineBreak()).isEqualTo("\n");
  }

  @Test
  void marks_after_characters_outside_the_basic_plane_point_at_the_right_char() {
    SourceText text = SourceText.of("# 🚀🚀\nkey: value\n");
    Node root = SourceDocuments.of(text, "-").get(0);

    Node key = ((MappingNode) root).getValue().get(0).getKeyNode();

    assertThat(text.text().substring(text.start(key), text.end(key))).isEqualTo("key");
  }

  @Test
  void bytes_that_are_not_utf8_are_known_not_to_survive_a_rewrite() {
    byte[] latin1 = "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);

    assertThat(SourceText.of(latin1).isLosslessUtf8()).isFalse();
    assertThat(SourceText.of("name: café\n".getBytes(StandardCharsets.UTF_8)).isLosslessUtf8())
        .isTrue();
  }

  @Test
  void line_arithmetic_treats_the_end_of_a_file_without_a_final_line_break_as_a_line_end() {
    SourceText text = SourceText.of("a: 1\nb: 2");

    assertThat(List.of(text.lineStart(7), text.afterLine(1), text.afterLine(5), text.afterLine(7)))
        .containsExactly(5, 5, 5, 9);
    assertThat(text.indentBefore(5)).isEmpty();
    assertThat(text.indentBefore(8)).isNull();
  }
}
