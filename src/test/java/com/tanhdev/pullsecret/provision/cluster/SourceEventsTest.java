package com.tanhdev.pullsecret.provision.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.tanhdev.pullsecret.provision.SourceRef;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SourceEventsTest {

  // A DNS subdomain, what the API server requires of an Event's name.
  private static final Pattern SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  @Test
  void an_event_on_the_longest_source_name_still_has_a_name_the_api_server_accepts() {
    String longest = "a".repeat(199) + "-" + "b".repeat(53);
    for (SourceRef source :
        java.util.List.of(
            new SourceRef("infrastructure", "registry-api-tanhdev"),
            new SourceRef("infrastructure", longest),
            new SourceRef("infrastructure", "c".repeat(200) + ".d"))) {
      String name = SourceEvents.eventName(source, -1L);

      assertThat(name).as(source.name()).hasSizeLessThanOrEqualTo(253).matches(SUBDOMAIN);
    }
    assertThat(SourceEvents.eventName(new SourceRef("infrastructure", "pull"), 255))
        .isEqualTo("pull.ff");
  }
}
