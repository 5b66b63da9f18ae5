package com.tanhdev.pullsecret.kube;

import com.tanhdev.pullsecret.pki.CertificateAuthority;
import com.tanhdev.pullsecret.pki.ClientCertificates;
import com.tanhdev.pullsecret.pki.IssuedCertificate;
import com.tanhdev.pullsecret.pki.KeyAlgorithm;
import com.tanhdev.pullsecret.pki.PemFiles;
import com.tanhdev.pullsecret.testing.Loopback;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * The certificates and keys of a throwaway API server, made with the project's own CA code: one CA
 * that signs the API server's serving certificate, an admin client certificate (group {@code
 * system:masters}) and kube-controller-manager's client certificate (user {@code
 * system:kube-controller-manager}, which the API server's bootstrap RBAC grants what the controller
 * manager needs), and the key that signs service-account tokens.
 */
record ControlPlanePki(
    Path caFile,
    Path servingCertFile,
    Path servingKeyFile,
    Path serviceAccountKeyFile,
    Path serviceAccountPublicKeyFile,
    Path controllerManagerCertFile,
    Path controllerManagerKeyFile,
    IssuedCertificate ca,
    IssuedCertificate admin) {

  // Longer than any test run, short enough that a leaked file is soon worthless.
  private static final Duration VALIDITY = Duration.ofDays(1);

  static ControlPlanePki writeTo(Path dir) {
    CertificateAuthority authority = Loopback.authority("pullsecret-test-control-plane", VALIDITY);
    IssuedCertificate serving = Loopback.servingCertificate(authority, VALIDITY);
    IssuedCertificate admin =
        ClientCertificates.issue(authority, "admin", List.of("system:masters"), VALIDITY);
    IssuedCertificate controllerManager =
        ClientCertificates.issue(authority, "system:kube-controller-manager", List.of(), VALIDITY);
    KeyPair serviceAccountKey = KeyAlgorithm.EC_P256.generateKeyPair();
    ControlPlanePki pki =
        new ControlPlanePki(
            dir.resolve("ca.crt"),
            dir.resolve("apiserver.crt"),
            dir.resolve("apiserver.key"),
            dir.resolve("service-account.key"),
            dir.resolve("service-account.pub"),
            dir.resolve("controller-manager.crt"),
            dir.resolve("controller-manager.key"),
            authority.root(),
            admin);
    try {
      PemFiles.writeCertificates(pki.caFile(), List.of(authority.root().certificate()));
      PemFiles.writeCertificates(pki.servingCertFile(), List.of(serving.certificate()));
      PemFiles.writePrivateKey(pki.servingKeyFile(), serving.key());
      PemFiles.writePrivateKey(pki.serviceAccountKeyFile(), serviceAccountKey.getPrivate());
      PemFiles.writeCertificates(
          pki.controllerManagerCertFile(), List.of(controllerManager.certificate()));
      PemFiles.writePrivateKey(pki.controllerManagerKeyFile(), controllerManager.key());
      Files.writeString(
          pki.serviceAccountPublicKeyFile(), publicKeyPem(serviceAccountKey.getPublic()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the control plane's certificates", e);
    }
    return pki;
  }

  private static String publicKeyPem(PublicKey key) {
    Base64.Encoder lines = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    return "-----BEGIN PUBLIC KEY-----\n"
        + lines.encodeToString(key.getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }
}
