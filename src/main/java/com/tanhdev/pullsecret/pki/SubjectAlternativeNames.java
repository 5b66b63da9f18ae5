package com.tanhdev.pullsecret.pki;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bouncycastle.util.IPAddress;

/**
 * The names a serving certificate is valid for. The API server calls a webhook by its Service name,
 * so {@link #forService} lists every spelling it may use.
 */
public record SubjectAlternativeNames(List<String> dnsNames, List<String> ipAddresses) {

  // RFC 1123 host names, optionally with one leading wildcard label.
  private static final Pattern DNS_NAME =
      Pattern.compile(
          "(\\*\\.)?[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*");

  public SubjectAlternativeNames {
    dnsNames = distinct(dnsNames);
    ipAddresses = distinct(ipAddresses);
    if (dnsNames.isEmpty() && ipAddresses.isEmpty()) {
      throw new IllegalArgumentException("a certificate needs at least one DNS name or IP address");
    }
    for (String name : dnsNames) {
      if (!isValidDnsName(name)) {
        throw new IllegalArgumentException("not a valid DNS name: '" + name + "'");
      }
    }
    for (String ip : ipAddresses) {
      if (!IPAddress.isValid(ip)) {
        throw new IllegalArgumentException("not a valid IP address: '" + ip + "'");
      }
    }
  }

  /** {@code svc}, {@code svc.ns}, {@code svc.ns.svc} and {@code svc.ns.svc.cluster.local}. */
  public static SubjectAlternativeNames forService(String service, String namespace) {
    String qualified = service + "." + namespace + ".svc";
    return new SubjectAlternativeNames(
        List.of(service, service + "." + namespace, qualified, qualified + ".cluster.local"),
        List.of());
  }

  public static SubjectAlternativeNames of(String... dnsNames) {
    return new SubjectAlternativeNames(List.of(dnsNames), List.of());
  }

  public SubjectAlternativeNames plus(List<String> moreDnsNames, List<String> moreIpAddresses) {
    List<String> dns = new ArrayList<>(dnsNames);
    dns.addAll(moreDnsNames);
    List<String> ips = new ArrayList<>(ipAddresses);
    ips.addAll(moreIpAddresses);
    return new SubjectAlternativeNames(dns, ips);
  }

  /** The name a certificate's subject CN carries; clients ignore it when SANs are present. */
  String primaryName() {
    return dnsNames.isEmpty() ? ipAddresses.get(0) : dnsNames.get(0);
  }

  public static boolean isValidDnsName(String name) {
    return name.length() <= 253 && DNS_NAME.matcher(name).matches();
  }

  private static List<String> distinct(List<String> values) {
    LinkedHashSet<String> unique = new LinkedHashSet<>();
    for (String value : values) {
      unique.add(value.trim().toLowerCase(Locale.ROOT));
    }
    return List.copyOf(unique);
  }
}
