package com.tanhdev.pullsecret.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.tanhdev.pullsecret.imageref.ImageReference;
import com.tanhdev.pullsecret.imageref.ParsedImage;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A rule and an image that name the same registry spell it the same way, whatever case it was
 * written in, and under a Turkish default locale, where {@code "I".toLowerCase()} is a dotless 'ı':
 * a rule that normalised differently from images would silently stop matching.
 */
class RegistryRuleTest {

  private static final Locale TURKISH = Locale.forLanguageTag("tr-TR");
  private final Locale original = Locale.getDefault();

  @BeforeEach
  void turkishDefaultLocale() {
    Locale.setDefault(TURKISH);
  }

  @AfterEach
  void restoreLocale() {
    Locale.setDefault(original);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          a lower-case host                  | registry-api.tanhdev.com | registry-api.tanhdev.com
          an upper-case host                 | REGISTRY-API.TANHDEV.COM | registry-api.tanhdev.com
          an upper-case I in a Turkish locale | IMAGES.IO               | images.io
          a host with a port                 | Harbor.Example.com:8443  | harbor.example.com:8443
          localhost with a port              | LOCALHOST:5000           | localhost:5000
          an IPv4 address with a port        | 10.0.0.1:5000            | 10.0.0.1:5000
          an IPv6 address                    | [::1]                    | [::1]
          an IPv6 address with upper-case hex | [FE80::1]:5000          | [fe80::1]:5000
          the legacy Docker Hub name          | INDEX.DOCKER.IO         | docker.io
          """)
  void a_rule_and_an_image_spell_the_same_registry_alike(
      String scenario, String written, String normalised) {
    RegistryRule rule = new RegistryRule(written, "pull");
    ImageReference image = reference(written + "/team/app:1.0");

    assertThat(rule.registry()).isEqualTo(normalised);
    assertThat(image.registry()).isEqualTo(normalised);
    assertThat(rule.matches(image)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          a Kelvin sign is not the letter k        | \u212Aube.io  | kube.io
          a dotless i is not the letter i           | \u0131mages.io | images.io
          a dotted capital I is not the letter i    | \u0130mages.io | images.io
          """)
  void a_look_alike_letter_in_a_rule_is_not_lower_cased_into_another_host(
      String scenario, String rule, String imageHost) {
    assertThat(new RegistryRule(rule, "pull").matches(reference(imageHost + "/app"))).isFalse();
  }

  private static ImageReference reference(String image) {
    ParsedImage parsed = ImageReference.parse(image);
    assertThat(parsed).isInstanceOf(ParsedImage.Valid.class);
    return ((ParsedImage.Valid) parsed).reference();
  }
}
