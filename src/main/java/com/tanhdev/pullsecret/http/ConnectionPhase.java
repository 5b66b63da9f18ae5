package com.tanhdev.pullsecret.http;

import java.util.Locale;

/**
 * Where a webhook connection is in its life; each phase has its own deadline ({@link
 * TransportDeadlines}). The label is the {@code phase} of {@code
 * pullsecret_connection_timeouts_total}.
 */
enum ConnectionPhase {
  /** Accepted, TLS handshake not finished. */
  HANDSHAKE,
  /** Between requests: nothing received since the last answer. */
  IDLE,
  /** The first bytes of a request have arrived, its headers are not complete. */
  HEADERS,
  /** Headers complete; the body is arriving. */
  BODY,
  /** The body is complete; the webhook decides and writes the answer. */
  ANSWER;

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
