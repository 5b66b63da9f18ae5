package com.tanhdev.pullsecret.rollout;

import com.tanhdev.pullsecret.testing.TrustOnly;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * The serial number of the certificate a replica presents to a brand-new connection, read by a
 * client that trusts only the given CA and checks the Service's name, as the API server does.
 */
final class ServedSerial {

  private static final int TIMEOUT_MILLIS = 5_000;

  private ServedSerial() {}

  /** Throws unless the replica's certificate chains to {@code caPem} and names the Service. */
  static BigInteger fetch(WebhookReplica replica, String caPem, String serviceHost)
      throws Exception {
    try (SSLSocket socket =
        (SSLSocket)
            TrustOnly.context(caPem)
                .getSocketFactory()
                .createSocket(replica.address(), WebhookReplica.WEBHOOK_PORT)) {
      socket.setSoTimeout(TIMEOUT_MILLIS);
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setServerNames(List.of(new SNIHostName(serviceHost)));
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      socket.setSSLParameters(parameters);
      socket.startHandshake();
      return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSerialNumber();
    }
  }
}
