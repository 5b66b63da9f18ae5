package com.tanhdev.pullsecret.cli;

import com.tanhdev.pullsecret.pki.CertificateAuthority;
import com.tanhdev.pullsecret.pki.IssuedCertificate;
import com.tanhdev.pullsecret.pki.KeyAlgorithm;
import com.tanhdev.pullsecret.pki.PemFiles;
import com.tanhdev.pullsecret.pki.SubjectAlternativeNames;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code certs}: creates a private CA and a serving certificate for the webhook's Service, for
 * clusters without cert-manager and for local testing. Prints the caBundle to paste into the
 * MutatingWebhookConfiguration.
 */
public final class CertsCommand {

  static final int OK = 0;
  static final int REFUSED = 1;
  static final int USAGE_ERROR = 2;

  // Long enough that nobody rotates a development CA by surprise; the serving certificate, which
  // is the one exposed on the network, defaults to a year.
  static final int CA_VALIDITY_DAYS = 3650;
  static final int DEFAULT_VALIDITY_DAYS = 365;

  private static final Set<String> OPTIONS_WITH_VALUE =
      Set.of("--service", "--namespace", "--dns", "--ip", "--key-type", "--validity-days", "--out");
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  static final String USAGE =
      """
      Usage: certs [options]

      Creates a private CA and a serving certificate for the webhook Service and writes
      ca.crt, ca.key, tls.crt and tls.key (keys as PKCS#8, mode 0600). Prints the caBundle
      for the MutatingWebhookConfiguration. The certificate is valid for <service>,
      <service>.<namespace>, <service>.<namespace>.svc and
      <service>.<namespace>.svc.cluster.local, plus any --dns and --ip given.

      Options:
        --service NAME        Service name (default: pullsecret-webhook)
        --namespace NS        Service namespace (default: pullsecret-webhook)
        --dns NAME            extra DNS name; repeatable
        --ip ADDR             extra IP address; repeatable
        --key-type TYPE       ec-p256, rsa-2048 or rsa-3072 (default: ec-p256)
        --validity-days N     serving certificate validity, 1 to 3650 (default: 365);
                              the CA is always valid for 3650 days
        --out DIR             output directory (default: certs)
        --force               overwrite existing files
        --help                print this help
      """;

  private final Clock clock;

  public CertsCommand() {
    this(Clock.systemUTC());
  }

  CertsCommand(Clock clock) {
    this.clock = clock;
  }

  public int run(List<String> args, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("certs: " + e.getMessage());
      err.println("Run 'certs --help' for usage.");
      return USAGE_ERROR;
    }
    if (options.help()) {
      out.print(USAGE);
      return OK;
    }
    Path caCertificate = options.out().resolve("ca.crt");
    Path caKey = options.out().resolve("ca.key");
    Path certificate = options.out().resolve("tls.crt");
    Path key = options.out().resolve("tls.key");
    List<Path> outputs = List.of(caCertificate, caKey, certificate, key);
    // All four or none: a new tls.key next to an old ca.crt would be a confusing half-state.
    List<Path> existing = outputs.stream().filter(Files::exists).toList();
    if (!existing.isEmpty() && !options.force()) {
      err.println("certs: refusing to overwrite " + existing + "; pass --force to replace them");
      return REFUSED;
    }
    CertificateAuthority authority =
        CertificateAuthority.create(
            options.service() + "." + options.namespace() + " webhook CA",
            options.keyAlgorithm(),
            Duration.ofDays(CA_VALIDITY_DAYS),
            clock);
    IssuedCertificate serving =
        authority.issueServingCertificate(
            options.names(), options.keyAlgorithm(), Duration.ofDays(options.validityDays()));
    IssuedCertificate root = authority.root();
    try {
      PemFiles.writeCertificates(caCertificate, List.of(root.certificate()));
      PemFiles.writePrivateKey(caKey, root.key());
      PemFiles.writeCertificates(certificate, List.of(serving.certificate()));
      PemFiles.writePrivateKey(key, serving.key());
    } catch (IOException e) {
      err.println("certs: cannot write to " + options.out() + ": " + e);
      return REFUSED;
    }
    outputs.forEach(path -> out.println("wrote " + path));
    // The caBundle field holds base64 of the PEM text, not of the DER bytes.
    String caBundle =
        Base64.getEncoder()
            .encodeToString(root.certificatePem().getBytes(StandardCharsets.US_ASCII));
    out.println("caBundle: " + caBundle);
    return OK;
  }

  /** The parsed command line; every value is checked before anything is generated. */
  record Options(
      boolean help,
      String service,
      String namespace,
      SubjectAlternativeNames names,
      KeyAlgorithm keyAlgorithm,
      int validityDays,
      Path out,
      boolean force) {

    static Options parse(List<String> args) {
      String service = "pullsecret-webhook";
      String namespace = "pullsecret-webhook";
      List<String> dnsNames = new ArrayList<>();
      List<String> ipAddresses = new ArrayList<>();
      KeyAlgorithm keyAlgorithm = KeyAlgorithm.EC_P256;
      int validityDays = DEFAULT_VALIDITY_DAYS;
      Path out = Path.of("certs");
      boolean force = false;
      boolean help = false;
      for (int i = 0; i < args.size(); i++) {
        String arg = args.get(i);
        int equals = arg.indexOf('=');
        String option = equals < 0 ? arg : arg.substring(0, equals);
        if (option.equals("--help") || option.equals("-h")) {
          help = true;
          continue;
        }
        if (option.equals("--force")) {
          force = true;
          continue;
        }
        if (!OPTIONS_WITH_VALUE.contains(option)) {
          throw new IllegalArgumentException("unknown option '" + arg + "'");
        }
        String value;
        if (equals >= 0) {
          value = arg.substring(equals + 1);
        } else if (i + 1 < args.size()) {
          value = args.get(++i);
        } else {
          throw new IllegalArgumentException(option + " needs a value");
        }
        switch (option) {
          case "--service" -> service = dnsLabel(option, value);
          case "--namespace" -> namespace = dnsLabel(option, value);
          case "--dns" -> dnsNames.add(value);
          case "--ip" -> ipAddresses.add(value);
          case "--key-type" -> keyAlgorithm = keyAlgorithm(value);
          case "--validity-days" -> validityDays = validityDays(value);
          default -> out = Path.of(value);
        }
      }
      SubjectAlternativeNames names =
          SubjectAlternativeNames.forService(service, namespace).plus(dnsNames, ipAddresses);
      return new Options(help, service, namespace, names, keyAlgorithm, validityDays, out, force);
    }

    private static String dnsLabel(String option, String value) {
      if (!DNS_LABEL.matcher(value).matches()) {
        throw new IllegalArgumentException(
            option + " must be a lower-case DNS label (a-z, 0-9, '-'), got '" + value + "'");
      }
      return value;
    }

    private static KeyAlgorithm keyAlgorithm(String value) {
      return KeyAlgorithm.fromCliName(value)
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "--key-type must be one of %s, got '%s'"
                          .formatted(KeyAlgorithm.cliNames(), value)));
    }

    private static int validityDays(String value) {
      try {
        int days = Integer.parseInt(value);
        if (days >= 1 && days <= CA_VALIDITY_DAYS) {
          return days;
        }
      } catch (NumberFormatException e) {
        // reported below, with the accepted range
      }
      throw new IllegalArgumentException(
          "--validity-days must be a whole number from 1 to %d, got '%s'"
              .formatted(CA_VALIDITY_DAYS, value));
    }
  }
}
