package com.tanhdev.pullsecret.tls.selfmanaged;

import static java.nio.charset.StandardCharsets.US_ASCII;

import com.tanhdev.pullsecret.pki.IssuedCertificate;
import com.tanhdev.pullsecret.pki.PemCodec;
import com.tanhdev.pullsecret.pki.TlsMaterialException;
import com.tanhdev.pullsecret.tls.TlsMaterial;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The layout of the self-managed Secret: a {@code kubernetes.io/tls} Secret whose {@code tls.crt}
 * and {@code tls.key} are the serving certificate, {@code ca.crt} every trusted CA (current first:
 * exactly the caBundle) and {@code ca.key} the current CA's key. Two annotations keep the rotation
 * state; a third is how an operator asks for a new CA:
 *
 * <pre>kubectl annotate secret NAME pullsecret.tanhdev.com/rotate-ca=now</pre>
 */
public final class BundleSecretFormat {

  public static final String TLS_CERT = "tls.crt";
  public static final String TLS_KEY = "tls.key";
  public static final String CA_CERT = "ca.crt";
  public static final String CA_KEY = "ca.key";
  public static final String PHASE_SINCE = "pullsecret.tanhdev.com/rotation-phase-since";
  public static final String ROTATE_CA = "pullsecret.tanhdev.com/rotate-ca";

  private static final String TLS_TYPE = "kubernetes.io/tls";
  private static final Logger log = LoggerFactory.getLogger(BundleSecretFormat.class);

  /**
   * Reads the bundle. A Secret without a usable CA is rejected; one without a usable serving
   * certificate gives a bundle without one, which the planner renews from the CA.
   */
  public CertificateBundle read(Secret secret) throws TlsMaterialException {
    String name = secret.getMetadata().getNamespace() + "/" + secret.getMetadata().getName();
    Map<String, String> data = secret.getData() == null ? Map.of() : secret.getData();
    TlsMaterial ca = keyPair(name, data, CA_CERT, CA_KEY);
    Map<String, String> annotations = annotations(secret);
    return new CertificateBundle(
        new IssuedCertificate(ca.leaf(), ca.key()),
        ca.chain().subList(1, ca.chain().size()),
        serving(name, data, ca.chain()),
        instant(annotations.get(PHASE_SINCE)),
        annotations.containsKey(ROTATE_CA));
  }

  private static Optional<IssuedCertificate> serving(
      String secretName, Map<String, String> data, List<X509Certificate> trustedCas) {
    try {
      TlsMaterial serving = keyPair(secretName, data, TLS_CERT, TLS_KEY);
      if (trustedCas.stream().noneMatch(ca -> CertificateBundle.isIssuedBy(serving.leaf(), ca))) {
        throw new TlsMaterialException(
            secretName + " " + TLS_CERT + ": not issued by any CA in " + CA_CERT);
      }
      return Optional.of(new IssuedCertificate(serving.leaf(), serving.key()));
    } catch (TlsMaterialException e) {
      log.warn("{}; a new serving certificate will be issued", e.getMessage());
      return Optional.empty();
    }
  }

  /** A new Secret holding the bundle. */
  public Secret newSecret(String namespace, String name, CertificateBundle bundle) {
    return new SecretBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .addToLabels("app.kubernetes.io/managed-by", "pullsecret-webhook")
        .withAnnotations(stateAnnotations(Map.of(), bundle))
        .endMetadata()
        .withType(TLS_TYPE)
        .withData(data(bundle))
        .build();
  }

  /**
   * The stored Secret with the bundle in place of its contents. Its resourceVersion is kept, so the
   * update fails if someone else wrote in between; its type is kept, since it cannot change.
   */
  public Secret replacing(Secret stored, CertificateBundle bundle) {
    return new SecretBuilder(stored)
        .editMetadata()
        .withAnnotations(stateAnnotations(annotations(stored), bundle))
        .endMetadata()
        .withData(data(bundle))
        .withStringData(null)
        .build();
  }

  // A pending rotation request is dropped on every write: a rotation that is already under way
  // satisfies it, and INTRODUCE_CA is the write that acts on it.
  private static Map<String, String> stateAnnotations(
      Map<String, String> existing, CertificateBundle bundle) {
    Map<String, String> annotations = new LinkedHashMap<>(existing);
    annotations.remove(ROTATE_CA);
    annotations.remove(PHASE_SINCE);
    bundle.phaseSince().ifPresent(since -> annotations.put(PHASE_SINCE, since.toString()));
    return annotations;
  }

  private static Map<String, String> data(CertificateBundle bundle) {
    Map<String, String> data = new LinkedHashMap<>();
    bundle
        .serving()
        .ifPresent(
            serving -> {
              data.put(TLS_CERT, base64(serving.certificatePem()));
              data.put(TLS_KEY, base64(serving.privateKeyPem()));
            });
    data.put(CA_CERT, base64(bundle.caBundlePem()));
    data.put(CA_KEY, base64(bundle.currentCa().privateKeyPem()));
    return data;
  }

  /**
   * Checks that the key belongs to the first certificate. Validity dates are the planner's concern:
   * checking them against a clock here would make a replica whose clock runs behind reject
   * certificates that another replica just issued.
   */
  private static TlsMaterial keyPair(
      String secretName, Map<String, String> data, String certKey, String keyKey)
      throws TlsMaterialException {
    String certSource = secretName + " " + certKey;
    byte[] certificatePem = decoded(certSource, data.get(certKey));
    List<X509Certificate> chain = PemCodec.decodeCertificates(certSource, certificatePem);
    Instant withinValidity = chain.get(0).getNotBefore().toInstant();
    return TlsMaterial.fromPem(
        certSource,
        certificatePem,
        secretName + " " + keyKey,
        decoded(secretName + " " + keyKey, data.get(keyKey)),
        withinValidity);
  }

  private static byte[] decoded(String source, String base64) throws TlsMaterialException {
    if (base64 == null) {
      throw new TlsMaterialException(source + ": missing");
    }
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new TlsMaterialException(source + ": not base64 (" + e.getMessage() + ")", e);
    }
  }

  private static Optional<Instant> instant(String value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(value));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Map<String, String> annotations(Secret secret) {
    Map<String, String> annotations = secret.getMetadata().getAnnotations();
    return annotations == null ? new HashMap<>() : annotations;
  }

  private static String base64(String pem) {
    return Base64.getEncoder().encodeToString(pem.getBytes(US_ASCII));
  }
}
