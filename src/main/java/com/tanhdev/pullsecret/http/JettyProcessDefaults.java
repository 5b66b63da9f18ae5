package com.tanhdev.pullsecret.http;

/**
 * Jetty settings that only exist as system properties, applied before the first Jetty class is
 * loaded (Jetty reads them once). A flag given on the command line wins.
 */
public final class JettyProcessDefaults {

  /**
   * How many object references share a CPU cache line, which Jetty's queues pad against. Unless
   * told, Jetty finds out by starting the JVM's platform MBean server, which registers every
   * platform management bean, to ask whether references are compressed: 40-50 ms of every start,
   * for a server nothing else here uses. 16 is what Jetty works out on this JVM: a 64-byte line of
   * 4-byte references, compressed as they are for any heap under 32 GiB (with uncompressed ones
   * Jetty would pad to 8 references instead: only the padding differs).
   */
  static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

  private JettyProcessDefaults() {}

  public static void apply() {
    if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
      System.setProperty(REFERENCES_PER_CACHE_LINE, "16");
    }
  }
}
