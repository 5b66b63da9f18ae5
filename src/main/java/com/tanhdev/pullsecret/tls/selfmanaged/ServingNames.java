package com.tanhdev.pullsecret.tls.selfmanaged;

import com.tanhdev.pullsecret.pki.SubjectAlternativeNames;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Whether a serving certificate still carries every name the webhook is called by. */
final class ServingNames {

  // RFC 5280 GeneralName tags, as the JDK reports them.
  private static final int DNS_NAME = 2;
  private static final int IP_ADDRESS = 7;

  private ServingNames() {}

  /** True when the certificate names every DNS name and IP address wanted (it may name more). */
  static boolean covers(X509Certificate certificate, SubjectAlternativeNames wanted) {
    Set<String> present = new HashSet<>();
    try {
      var entries = certificate.getSubjectAlternativeNames();
      if (entries == null) {
        return false;
      }
      for (List<?> entry : entries) {
        int tag = (Integer) entry.get(0);
        if (tag == DNS_NAME) {
          present.add(entry.get(1).toString().toLowerCase(Locale.ROOT));
        } else if (tag == IP_ADDRESS) {
          present.add(canonicalIp(entry.get(1).toString()));
        }
      }
    } catch (CertificateParsingException e) {
      return false;
    }
    return present.containsAll(wanted.dnsNames())
        && wanted.ipAddresses().stream().map(ServingNames::canonicalIp).allMatch(present::contains);
  }

  // The JDK spells IPv6 addresses in full ("0:0:0:0:0:0:0:1"); configuration may say "::1".
  private static String canonicalIp(String literal) {
    try {
      return InetAddress.getByName(literal).getHostAddress();
    } catch (UnknownHostException e) {
      return literal;
    }
  }
}
