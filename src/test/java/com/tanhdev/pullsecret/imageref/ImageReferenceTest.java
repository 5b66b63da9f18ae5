package com.tanhdev.pullsecret.imageref;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ImageReferenceTest {

  private static final String SHA256 = "sha256:" + "0123456789abcdef".repeat(4);
  private static final String SHA512 = "sha512:" + "0123456789abcdef".repeat(8);
  private static final String RULE = "registry-api.tanhdev.com";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          a plain name is an official Docker Hub image | nginx | docker.io | library/nginx |
          a user image lives on Docker Hub | user/app | docker.io | user/app |
          docker.io with one component gets library/ | docker.io/nginx | docker.io | library/nginx |
          index.docker.io is Docker Hub | index.docker.io/library/nginx \
            | docker.io | library/nginx |
          index.docker.io with one component gets library/ | index.docker.io/nginx \
            | docker.io | library/nginx |
          upper-case DOCKER.IO is Docker Hub | DOCKER.IO/nginx | docker.io | library/nginx |
          localhost is a registry | localhost/app | localhost | app |
          localhost with a port is a registry | localhost:5000/app | localhost:5000 | app |
          a lone localhost:port is a Docker Hub name and tag | localhost:5000 \
            | docker.io | library/localhost | 5000
          a lone dotted name is a Docker Hub name | example.com | docker.io | library/example.com |
          a host with a port and a nested path | registry.example.com:443/team/sub/app:v1 \
            | registry.example.com:443 | team/sub/app | v1
          an IPv4 address with a port | 192.168.1.10:5000/app | 192.168.1.10:5000 | app |
          an IPv6 literal with a port | [::1]:5000/app | [::1]:5000 | app |
          an IPv6 literal is lower-cased | [2001:DB8::1]/app:v2 | [2001:db8::1] | app | v2
          a tag | nginx:1.25-alpine | docker.io | library/nginx | 1.25-alpine
          a tag may use upper case and underscores | nginx:Release_1.0 | docker.io \
            | library/nginx | Release_1.0
          an upper-case host is lower-cased | REGISTRY-API.TanhDev.com/auth/api:1.4.2 \
            | registry-api.tanhdev.com | auth/api | 1.4.2
          an upper-case first component is read as a host | Foo/bar | foo | bar |
          every path separator is accepted | a/b.c_d__e-f---g/h0 | docker.io | a/b.c_d__e-f---g/h0 |
          the realistic tagged image | registry-api.tanhdev.com/auth/api:1.4.2 \
            | registry-api.tanhdev.com | auth/api | 1.4.2
          """)
  void a_valid_reference_is_normalised(
      String scenario, String image, String registry, String repository, String tag) {
    assertThat(ImageReference.parse(image))
        .isEqualTo(new ParsedImage.Valid(new ImageReference(registry, repository, tag, null)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          an empty string | '' | empty
          a leading space | ' nginx' | whitespace
          a trailing tab | 'nginx\t' | whitespace
          a space inside | my app | repository path components
          only a tag | :latest | no repository name
          a trailing slash | user/app/ | empty component
          a double slash | user//app | empty component
          a leading slash | /app | empty component
          a registry with nothing after it | docker.io/ | empty component
          an upper-case path | registry.example.com/Team/app | must be lower case
          an upper-case single name | NGINX | must be lower case
          a separator starting a component | user/-app | repository path components
          a separator ending a component | user/app. | repository path components
          three underscores | a___b | repository path components
          two dots | a..b | repository path components
          mixed separators | a._b | repository path components
          a non-ASCII letter in the path | café | repository path components
          an underscore in the host | ex_ample.com/app | registry must be
          a host label starting with a dash | -example.com/app | registry must be
          an empty host label | example..com/app | registry must be
          an empty port | example.com:/app | registry must be
          a port that is not a number | example.com:http/app | registry must be
          an unclosed IPv6 literal | [::1/app | registry must be
          an empty IPv6 literal | []:5000/app | registry must be
          a non-hex IPv6 literal | [zz::1]/app | registry must be
          a look-alike Kelvin sign in the host | \u212Aube.io/app | registry must be
          an empty tag | nginx: | tag must be
          a tag starting with a dash | nginx:-rc1 | tag must be
          a tag starting with a dot | nginx:.hidden | tag must be
          a tag with a plus | nginx:1.0+build | tag must be
          a tag with a second colon | nginx:latest:extra | tag must be
          an empty digest | nginx@ | digest must look like
          a short digest | nginx@sha256:abc | digest must look like
          a digest with a malformed algorithm | nginx@sha-:0123456789abcdef0123456789abcdef \
            | digest must look like
          an unknown digest algorithm | nginx@md5:0123456789abcdef0123456789abcdef \
            | sha256, sha384 or sha512
          a bare image ID | 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef \
            | image ID
          """)
  void an_invalid_reference_is_refused_with_a_reason(
      String scenario, String image, String reasonFragment) {
    assertInvalid(image, reasonFragment);
  }

  static Stream<Arguments> generatedInvalidReferences() {
    String hex64 = SHA256.substring("sha256:".length());
    return Stream.of(
        argumentSet("only a digest", "@" + SHA256, "no repository name"),
        argumentSet("a trailing newline", "nginx\n", "whitespace"),
        argumentSet("a tag of 129 characters", "nginx:" + "t".repeat(129), "tag must be"),
        argumentSet("a digest without an algorithm", "nginx@" + hex64, "digest must look like"),
        argumentSet("a digest that is not hex", "nginx@sha256:" + "g".repeat(64), "digest must"),
        argumentSet("a sha256 digest too short", "nginx@" + SHA256.substring(0, 70), "exactly 64"),
        argumentSet("a sha256 digest too long", "nginx@" + SHA256 + "0", "exactly 64"),
        argumentSet("upper-case digest hex", "nginx@sha256:" + hex64.toUpperCase(), "lower case"),
        argumentSet("an upper-case digest algorithm", "nginx@SHA256:" + hex64, "sha256, sha384"),
        argumentSet("two digests", "nginx@" + SHA256 + "@" + SHA256, "digest must look like"),
        argumentSet("a name of 256 characters", "a.io/" + "a".repeat(251), "255 characters"),
        argumentSet(
            "a Docker Hub name of 256 characters with its implicit prefix",
            "a".repeat(256 - "docker.io/library/".length()),
            "255 characters"));
  }

  @ParameterizedTest
  @MethodSource("generatedInvalidReferences")
  void a_generated_invalid_reference_is_refused_with_a_reason(String image, String reason) {
    assertInvalid(image, reason);
  }

  @Test
  void a_digest_is_kept_verbatim() {
    assertThat(ImageReference.parse("nginx@" + SHA256))
        .isEqualTo(valid("docker.io", "library/nginx", null, SHA256));
  }

  @Test
  void a_tag_and_a_digest_are_both_kept() {
    assertThat(ImageReference.parse("nginx:1.25@" + SHA256))
        .isEqualTo(valid("docker.io", "library/nginx", "1.25", SHA256));
  }

  @Test
  void a_sha512_digest_is_accepted() {
    assertThat(ImageReference.parse("quay.io/org/app@" + SHA512))
        .isEqualTo(valid("quay.io", "org/app", null, SHA512));
  }

  @Test
  void the_realistic_pinned_image_is_on_the_company_registry() {
    ImageReference pinned = reference(RULE + "/payment/worker@" + SHA256);

    assertThat(pinned).isEqualTo(new ImageReference(RULE, "payment/worker", null, SHA256));
    assertThat(pinned.isOnRegistry(RULE)).isTrue();
  }

  @Test
  void the_longest_names_are_accepted() {
    assertThat(ImageReference.parse("a.io/" + "a".repeat(250)))
        .isEqualTo(valid("a.io", "a".repeat(250), null, null));
    assertThat(ImageReference.parse("nginx:" + "t".repeat(128)))
        .isEqualTo(valid("docker.io", "library/nginx", "t".repeat(128), null));
  }

  @Test
  void a_null_reference_is_invalid() {
    assertThat(ImageReference.parse(null))
        .isEqualTo(new ParsedImage.Invalid(null, "image reference is empty"));
  }

  @Test
  void a_null_registry_rule_does_not_match() {
    assertThat(reference("nginx").isOnRegistry(null)).isFalse();
  }

  @Test
  void a_short_invalid_reference_is_reported_whole() {
    assertThat(ImageReference.parse("Bad/Path"))
        .isEqualTo(new ParsedImage.Invalid("Bad/Path", "repository path must be lower case"));
  }

  @Test
  void an_invalid_reference_reports_at_most_200_characters_of_the_input() {
    ParsedImage.Invalid invalid =
        assertInvalid("registry.io/Upper" + "x".repeat(220), "lower case");

    assertThat(invalid.raw()).hasSize(200).startsWith("registry.io/Upperxxx").endsWith("...");
  }

  @Test
  void shortening_the_input_does_not_split_a_surrogate_pair() {
    String image = "a".repeat(196) + "\uD83D\uDE00" + "b".repeat(10);

    assertThat(assertInvalid(image, "").raw()).isEqualTo("a".repeat(196) + "...");
  }

  @Test
  void huge_and_pathological_inputs_are_refused() {
    int size = 300 * 1024;
    Stream.of(
            "a".repeat(size),
            "a-".repeat(size / 2),
            "a.".repeat(size / 2),
            "a/".repeat(size / 2),
            "example.com/" + "a-".repeat(size / 2) + "!",
            "a".repeat(size) + ".com/app",
            "[" + ":".repeat(size) + "]/app",
            "nginx:" + "a".repeat(size),
            "nginx@" + "a.".repeat(size / 2) + ":" + "0".repeat(64),
            "nginx@sha256:" + "0".repeat(size),
            "nginx@" + "a".repeat(size) + ":" + "0".repeat(size),
            "@".repeat(size),
            ":".repeat(size))
        .forEach(image -> assertInvalid(image, ""));
  }

  private static ParsedImage valid(String registry, String repository, String tag, String digest) {
    return new ParsedImage.Valid(new ImageReference(registry, repository, tag, digest));
  }

  private static ImageReference reference(String image) {
    ParsedImage parsed = ImageReference.parse(image);
    assertThat(parsed).isInstanceOf(ParsedImage.Valid.class);
    return ((ParsedImage.Valid) parsed).reference();
  }

  private static ParsedImage.Invalid assertInvalid(String image, String reasonFragment) {
    ParsedImage parsed = ImageReference.parse(image);
    assertThat(parsed).isInstanceOf(ParsedImage.Invalid.class);
    ParsedImage.Invalid invalid = (ParsedImage.Invalid) parsed;
    assertThat(invalid.reason()).contains(reasonFragment);
    return invalid;
  }
}
