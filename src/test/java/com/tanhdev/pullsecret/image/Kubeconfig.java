package com.tanhdev.pullsecret.image;

import com.tanhdev.pullsecret.pki.PemCodec;
import com.tanhdev.pullsecret.pki.TlsMaterialException;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.util.Base64;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

/**
 * A kubeconfig file with the credentials of a client, embedded as base64 data the way {@code
 * kubectl config view --raw} prints them, for a process that finds its cluster through {@code
 * KUBECONFIG}.
 */
public final class Kubeconfig {

  private static final Base64.Encoder BASE64 = Base64.getEncoder();

  private Kubeconfig() {}

  public static Path write(KubernetesClient client, String namespace, Path file)
      throws IOException, TlsMaterialException {
    Config config = client.getConfiguration();
    String yaml =
        """
        apiVersion: v1
        kind: Config
        clusters:
          - name: test
            cluster:
              server: "%s"
              certificate-authority-data: "%s"
        users:
          - name: admin
            user:
              client-certificate-data: "%s"
              client-key-data: "%s"
        contexts:
          - name: test
            context:
              cluster: test
              user: admin
              namespace: "%s"
        current-context: test
        """
            .formatted(
                config.getMasterUrl(),
                config.getCaCertData(),
                config.getClientCertData(),
                BASE64.encodeToString(sec1Pem(config.getClientKeyData())),
                namespace);
    return Files.writeString(file, yaml);
  }

  /**
   * The EC key as an {@code EC PRIVATE KEY} block, the form kubeadm and openssl write into
   * kubeconfigs. fabric8 takes the key type from the PEM label: a PKCS#8 {@code PRIVATE KEY} is
   * only tried as RSA, unless the client was built with the algorithm spelled out.
   */
  private static byte[] sec1Pem(String base64Pem) throws IOException, TlsMaterialException {
    PrivateKey key =
        PemCodec.decodePrivateKey("client-key-data", Base64.getDecoder().decode(base64Pem));
    PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
    // The JDK leaves the curve out of the inner structure (PKCS#8 names it outside); SEC1 needs it.
    byte[] der =
        new org.bouncycastle.asn1.sec.ECPrivateKey(
                ((ECPrivateKey) key).getParams().getOrder().bitLength(),
                ((ECPrivateKey) key).getS(),
                info.getPrivateKeyAlgorithm().getParameters())
            .getEncoded();
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return ("-----BEGIN EC PRIVATE KEY-----\n" + body + "\n-----END EC PRIVATE KEY-----\n")
        .getBytes(StandardCharsets.US_ASCII);
  }
}
