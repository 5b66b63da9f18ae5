package com.tanhdev.pullsecret.tls;

/**
 * JDK TLS settings that only exist as system properties, applied before the first TLS context is
 * created (the JDK reads them once). A flag given on the command line wins.
 */
public final class TlsProcessDefaults {

  /**
   * After every full TLS 1.3 handshake the JDK sends the client a session ticket to resume with
   * later, which costs the server a ticket encryption per connection. kube-apiserver's Go client
   * keeps no session cache and never resumes, so the ticket is pure cost, paid exactly when
   * connections are dialled fastest: in a burst.
   */
  static final String SESSION_TICKETS = "jdk.tls.server.newSessionTicketCount";

  private TlsProcessDefaults() {}

  public static void apply() {
    if (System.getProperty(SESSION_TICKETS) == null) {
      System.setProperty(SESSION_TICKETS, "0");
    }
  }
}
