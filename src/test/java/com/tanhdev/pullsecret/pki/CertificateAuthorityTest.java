package com.tanhdev.pullsecret.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CertificateAuthorityTest {

  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
  private static final String BASIC_CONSTRAINTS = "2.5.29.19";
  private static final String KEY_USAGE = "2.5.29.15";
  private static final String SUBJECT_KEY_ID = "2.5.29.14";
  private static final int DNS = 2;
  private static final int IP = 7;

  private final CertificateAuthority authority =
      CertificateAuthority.create("test CA", KeyAlgorithm.EC_P256, Duration.ofDays(3650), CLOCK);

  @Test
  void the_ca_is_self_signed_and_may_only_sign_certificates_and_crls() throws Exception {
    X509Certificate ca = authority.root().certificate();

    ca.verify(ca.getPublicKey());
    assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(ca.getCriticalExtensionOIDs()).contains(BASIC_CONSTRAINTS, KEY_USAGE);
    // digitalSignature .. decipherOnly; index 5 is keyCertSign, 6 is cRLSign.
    assertThat(ca.getKeyUsage())
        .containsExactly(false, false, false, false, false, true, true, false, false);
    assertThat(ca.getExtensionValue(SUBJECT_KEY_ID)).isNotNull();
    assertThat(ca.getSubjectX500Principal().getName()).isEqualTo("CN=test CA");
  }

  @Test
  void a_serving_certificate_names_every_spelling_of_the_service_and_chains_to_the_ca()
      throws Exception {
    SubjectAlternativeNames names =
        SubjectAlternativeNames.forService("hook", "infra")
            .plus(List.of("hook.example.com"), List.of("127.0.0.1", "::1"));

    X509Certificate leaf =
        authority
            .issueServingCertificate(names, KeyAlgorithm.EC_P256, Duration.ofDays(30))
            .certificate();

    assertThat(leaf.getSubjectAlternativeNames())
        .containsExactlyInAnyOrder(
            List.of(DNS, "hook"),
            List.of(DNS, "hook.infra"),
            List.of(DNS, "hook.infra.svc"),
            List.of(DNS, "hook.infra.svc.cluster.local"),
            List.of(DNS, "hook.example.com"),
            List.of(IP, "127.0.0.1"),
            List.of(IP, "0:0:0:0:0:0:0:1"));
    assertThat(leaf.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
    assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
    assertThat(leaf.getCriticalExtensionOIDs()).contains(BASIC_CONSTRAINTS, KEY_USAGE);
    assertChainsTo(leaf, authority.root().certificate());
  }

  @ParameterizedTest
  @CsvSource({"EC_P256, SHA256withECDSA", "RSA_2048, SHA256withRSA"})
  void certificates_are_signed_with_sha256_and_the_issuers_key_type(
      KeyAlgorithm caAlgorithm, String signatureAlgorithm) {
    CertificateAuthority ca =
        CertificateAuthority.create("ca", caAlgorithm, Duration.ofDays(10), CLOCK);

    X509Certificate leaf =
        ca.issueServingCertificate(
                SubjectAlternativeNames.of("a.example"), KeyAlgorithm.EC_P256, Duration.ofDays(1))
            .certificate();

    assertThat(ca.root().certificate().getSigAlgName()).isEqualTo(signatureAlgorithm);
    assertThat(leaf.getSigAlgName()).isEqualTo(signatureAlgorithm);
  }

  @Test
  void validity_starts_a_minute_early_for_clock_skew_and_lasts_as_asked() {
    X509Certificate leaf = issue(Duration.ofDays(90)).certificate();

    assertThat(leaf.getNotBefore()).isEqualTo(Date.from(NOW.minusSeconds(60)));
    assertThat(leaf.getNotAfter()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(90))));
  }

  @Test
  void a_serving_certificate_never_outlives_its_ca() {
    CertificateAuthority shortLived =
        CertificateAuthority.create("ca", KeyAlgorithm.EC_P256, Duration.ofDays(10), CLOCK);

    X509Certificate leaf =
        shortLived
            .issueServingCertificate(
                SubjectAlternativeNames.of("a.example"), KeyAlgorithm.EC_P256, Duration.ofDays(365))
            .certificate();

    assertThat(leaf.getNotAfter()).isEqualTo(shortLived.root().certificate().getNotAfter());
  }

  @Test
  void serial_numbers_are_random_and_at_least_64_bits() {
    X509Certificate first = issue(Duration.ofDays(1)).certificate();
    X509Certificate second = issue(Duration.ofDays(1)).certificate();

    assertThat(first.getSerialNumber().bitLength()).isGreaterThanOrEqualTo(64);
    assertThat(first.getSerialNumber().signum()).isPositive();
    assertThat(first.getSerialNumber()).isNotEqualTo(second.getSerialNumber());
  }

  @Test
  void a_client_certificate_carries_the_user_and_groups_kubernetes_reads() throws Exception {
    X509Certificate client =
        ClientCertificates.issue(authority, "admin", List.of("system:masters"), Duration.ofDays(1))
            .certificate();

    List<Rdn> rdns = new LdapName(client.getSubjectX500Principal().getName()).getRdns();
    assertThat(rdns)
        .extracting(rdn -> rdn.getType() + "=" + rdn.getValue())
        .containsExactlyInAnyOrder("CN=admin", "O=system:masters");
    assertThat(client.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
    assertChainsTo(client, authority.root().certificate());
  }

  @Test
  void an_issued_certificate_renders_as_pem_that_reads_back() throws Exception {
    IssuedCertificate issued = issue(Duration.ofDays(1));

    assertThat(issued.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----\n");
    assertThat(issued.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----\n");
    assertThat(PemCodec.decodeCertificates("cert", issued.certificatePem().getBytes()))
        .containsExactly(issued.certificate());
    assertThat(PemCodec.decodePrivateKey("key", issued.privateKeyPem().getBytes()))
        .isEqualTo(issued.key());
  }

  @Test
  void names_that_are_not_dns_names_or_ip_literals_are_rejected() {
    assertThatThrownBy(() -> SubjectAlternativeNames.of("bad_name.example"))
        .hasMessage("not a valid DNS name: 'bad_name.example'");
    assertThatThrownBy(() -> new SubjectAlternativeNames(List.of(), List.of("example.com")))
        .hasMessage("not a valid IP address: 'example.com'");
    assertThatThrownBy(() -> new SubjectAlternativeNames(List.of(), List.of()))
        .hasMessageContaining("at least one");
  }

  private IssuedCertificate issue(Duration validity) {
    return authority.issueServingCertificate(
        SubjectAlternativeNames.of("a.example"), KeyAlgorithm.EC_P256, validity);
  }

  private static void assertChainsTo(X509Certificate leaf, X509Certificate ca) throws Exception {
    var path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf));
    PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
    parameters.setRevocationEnabled(false);
    parameters.setDate(Date.from(NOW));
    CertPathValidator.getInstance("PKIX").validate(path, parameters);
  }
}
