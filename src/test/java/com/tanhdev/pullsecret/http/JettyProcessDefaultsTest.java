package com.tanhdev.pullsecret.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.eclipse.jetty.util.MemoryUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JettyProcessDefaultsTest {

  private static final String PROPERTY = JettyProcessDefaults.REFERENCES_PER_CACHE_LINE;

  private final String before = System.getProperty(PROPERTY);

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(PROPERTY);
    } else {
      System.setProperty(PROPERTY, before);
    }
  }

  @Test
  void tells_jetty_what_it_would_otherwise_ask_the_mbean_server() {
    System.clearProperty(PROPERTY);

    JettyProcessDefaults.apply();

    // Jetty's own rule: a cache line holds 4-byte references when they are compressed, else 8.
    boolean compressed =
        Boolean.parseBoolean(
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .getVMOption("UseCompressedOops")
                .getValue());
    int referenceBytes = compressed ? 4 : 8;
    assertThat(Integer.parseInt(System.getProperty(PROPERTY)))
        .isEqualTo(MemoryUtils.getCacheLineBytes() / referenceBytes);
  }

  @Test
  void a_value_given_on_the_command_line_wins() {
    System.setProperty(PROPERTY, "8");

    JettyProcessDefaults.apply();

    assertThat(System.getProperty(PROPERTY)).isEqualTo("8");
  }
}
