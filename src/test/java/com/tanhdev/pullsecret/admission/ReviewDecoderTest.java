package com.tanhdev.pullsecret.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tanhdev.pullsecret.testing.RawReviews;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ReviewDecoderTest {

  private final AdmissionCodec codec = new AdmissionCodec(JsonMappers.strict());

  @Test
  void a_body_fed_one_byte_at_a_time_decodes_to_the_same_tree_as_at_once() throws Exception {
    byte[] body = RawReviews.podReview();
    ReviewDecoder split = codec.newDecoder();
    for (int i = 0; i < body.length; i++) {
      split.feed(body, i, 1);
    }
    ReviewDecoder whole = codec.newDecoder();
    whole.feed(body, 0, body.length);
    assertThat(split.finish()).isEqualTo(whole.finish());
  }

  @Test
  void only_the_fields_the_webhook_reads_are_kept() {
    JsonNode review =
        decode(
            "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{"
                + "\"uid\":\"u\",\"userInfo\":{\"username\":\"x\"},\"oldObject\":{\"spec\":{}},"
                + "\"object\":{\"metadata\":{\"name\":\"p\",\"labels\":{\"a\":\"b\"},"
                + "\"annotations\":{\"pullsecret.tanhdev.com/inject\":\"false\",\"other\":\"x\"}},"
                + "\"spec\":{\"volumes\":[{\"name\":\"v\"}],\"containers\":[{\"name\":\"c\","
                + "\"image\":\"i\",\"env\":[{\"name\":\"E\",\"value\":\"secret-ish\"}]}]}}}}");
    assertThat(review.toString())
        .isEqualTo(
            "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{"
                + "\"uid\":\"u\",\"object\":{\"metadata\":{\"name\":\"p\",\"annotations\":"
                + "{\"pullsecret.tanhdev.com/inject\":\"false\"}},\"spec\":{\"containers\":"
                + "[{\"name\":\"c\",\"image\":\"i\"}]}}}}");
  }

  @Test
  void a_kept_field_of_the_wrong_type_keeps_its_type() {
    JsonNode review =
        decode("{\"request\":{\"object\":{\"spec\":{\"containers\":{\"image\":\"i\"}}}}}");
    assertThat(review.at("/request/object/spec/containers").isObject()).isTrue();
  }

  @Test
  void megabytes_the_webhook_does_not_read_cost_nothing_to_keep() {
    String dropped = "\"env\":[" + "{\"name\":\"E\",\"value\":\"v\"},".repeat(100_000) + "{}]";
    ReviewDecoder decoder = codec.newDecoder();
    byte[] body =
        ("{\"request\":{\"object\":{\"spec\":{\"containers\":[{\"image\":\"i\","
                + dropped
                + "}]}}}}")
            .getBytes(StandardCharsets.UTF_8);
    decoder.feed(body, 0, body.length);
    decoder.finish();
    assertThat(body.length).isGreaterThan(2_000_000);
    assertThat(decoder.retainedBytes()).isLessThan(2_000);
  }

  @Test
  void a_duplicate_key_in_a_kept_object_is_refused() {
    assertThatThrownBy(() -> decode("{\"request\":{\"uid\":\"a\",\"uid\":\"b\"}}"))
        .isInstanceOf(BadReviewException.class)
        .hasMessage("body is not valid JSON: Duplicate key \"uid\"");
  }

  @Test
  void content_after_the_review_or_a_review_cut_short_is_refused() {
    assertThatThrownBy(() -> decode("{} {}"))
        .hasMessage("body is not valid JSON: more content after the review");
    assertThatThrownBy(() -> decode("{\"request\":{"))
        .isInstanceOf(BadReviewException.class)
        .hasMessageStartingWith("body is not valid JSON: Unexpected end-of-input");
    assertThatThrownBy(() -> decode(""))
        .hasMessage("body is not valid JSON: the body ended before the review did");
  }

  private JsonNode decode(String json) {
    ReviewDecoder decoder = codec.newDecoder();
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    decoder.feed(body, 0, body.length);
    return decoder.finish();
  }
}
