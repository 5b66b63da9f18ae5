package com.tanhdev.pullsecret.tls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TlsProcessDefaultsTest {

  private final String before = System.getProperty(TlsProcessDefaults.SESSION_TICKETS);

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(TlsProcessDefaults.SESSION_TICKETS);
    } else {
      System.setProperty(TlsProcessDefaults.SESSION_TICKETS, before);
    }
  }

  @Test
  void turns_off_session_tickets_the_api_server_never_uses() {
    System.clearProperty(TlsProcessDefaults.SESSION_TICKETS);

    TlsProcessDefaults.apply();

    assertThat(System.getProperty(TlsProcessDefaults.SESSION_TICKETS)).isEqualTo("0");
  }

  @Test
  void a_value_given_on_the_command_line_wins() {
    System.setProperty(TlsProcessDefaults.SESSION_TICKETS, "2");

    TlsProcessDefaults.apply();

    assertThat(System.getProperty(TlsProcessDefaults.SESSION_TICKETS)).isEqualTo("2");
  }
}
