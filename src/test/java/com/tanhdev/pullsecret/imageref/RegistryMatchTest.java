package com.tanhdev.pullsecret.imageref;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Registry matching compares whole hosts and ports after parsing: never a prefix or substring. */
class RegistryMatchTest {

  private static final String RULE = "registry-api.tanhdev.com";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          the same host matches | registry-api.tanhdev.com/auth/api:1.4.2 | true
          an upper-case image host matches | REGISTRY-API.TANHDEV.COM/x | true
          a longer host does not match | registry-api.tanhdev.com.evil.io/x | false
          a host with extra letters does not match | registry-api.tanhdev.comx/x | false
          the host as a path does not match | evil.io/registry-api.tanhdev.com/x | false
          a port the rule does not name does not match | registry-api.tanhdev.com:5000/x | false
          a parent domain does not match | tanhdev.com/x | false
          a sibling subdomain does not match | api.tanhdev.com/x | false
          a Docker Hub image does not match | registry-api/x | false
          """)
  void only_the_exact_registry_host_matches_the_rule(
      String scenario, String image, boolean expected) {
    assertThat(reference(image).isOnRegistry(RULE)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          an upper-case rule matches | registry-api.tanhdev.com/x | REGISTRY-API.tanhdev.com | true
          the same host and port match | registry.io:5000/x | registry.io:5000 | true
          a missing port the rule names does not match | registry.io/x | registry.io:5000 | false
          localhost with a port is not localhost | localhost:5000/app | localhost | false
          a rule with a trailing slash does not match | registry.io/x | registry.io/ | false
          a rule with a Kelvin sign does not match | kube.io/x | \u212Aube.io | false
          an empty rule does not match | registry.io/x | '' | false
          a plain name is on docker.io | nginx | docker.io | true
          a plain name is on index.docker.io | nginx | index.docker.io | true
          index.docker.io is on docker.io | index.docker.io/user/app | docker.io | true
          a plain name is not on another registry | nginx | registry.io | false
          """)
  void a_registry_rule_is_compared_as_a_whole_host_and_port(
      String scenario, String image, String rule, boolean expected) {
    assertThat(reference(image).isOnRegistry(rule)).isEqualTo(expected);
  }

  private static ImageReference reference(String image) {
    ParsedImage parsed = ImageReference.parse(image);
    assertThat(parsed).isInstanceOf(ParsedImage.Valid.class);
    return ((ParsedImage.Valid) parsed).reference();
  }
}
