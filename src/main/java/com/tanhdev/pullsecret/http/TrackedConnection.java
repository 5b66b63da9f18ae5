package com.tanhdev.pullsecret.http;

import java.util.function.LongSupplier;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.ssl.SslConnection;

/**
 * One webhook connection's phase and when it began, moved on by the connection's own events and
 * read by the deadline sweep ({@link ConnectionPhases}). The fields are volatile rather than
 * locked: the sweep may act on a phase a few microseconds stale, which moves a deadline by as much.
 */
final class TrackedConnection {

  /** The request attribute under which the request's connection is found. */
  static final String ATTRIBUTE = TrackedConnection.class.getName();

  /** Told when the body phase runs out of time, so it can answer 408 instead of just closing. */
  interface BodyTimeout {
    void bodyTimedOut();
  }

  private final SslConnection tls;
  private final LongSupplier clock;
  private volatile ConnectionPhase phase = ConnectionPhase.HANDSHAKE;
  private volatile long since;
  private volatile long bytesInWhenIdle;
  private volatile long bodyBytes;
  private volatile long announcedBodyBytes = -1;
  private volatile BodyTimeout bodyTimeout;

  TrackedConnection(SslConnection tls, LongSupplier clock) {
    this.tls = tls;
    this.clock = clock;
    this.since = clock.getAsLong();
  }

  SslConnection tlsConnection() {
    return tls;
  }

  ConnectionPhase phase() {
    return phase;
  }

  /**
   * How cheap this connection is to lose when room is needed, lowest first, or -1 when it must not
   * be closed for room (idle, or being answered): a client still sending its hello (nothing spent
   * on it), then stalled headers, then a stalled body, then a handshake the server is working on.
   */
  int evictionRank() {
    return switch (phase) {
      case HANDSHAKE -> isHelloComplete() ? 3 : 0;
      case HEADERS -> 1;
      case BODY -> 2;
      case IDLE, ANSWER -> -1;
    };
  }

  private boolean isHelloComplete() {
    return tls instanceof BudgetedSslConnectionFactory.BudgetedSslConnection budgeted
        && budgeted.isHelloComplete();
  }

  long since() {
    return since;
  }

  long bodyBytes() {
    return bodyBytes;
  }

  /** The Content-Length of the request in progress; -1 when it has none. */
  long announcedBodyBytes() {
    return announcedBodyBytes;
  }

  BodyTimeout bodyTimeout() {
    return bodyTimeout;
  }

  void handshakeSucceeded() {
    becomeIdle();
  }

  /** Headers complete: Jetty hands the request to the handlers. */
  void requestStarted(long contentLength) {
    bodyBytes = 0;
    announcedBodyBytes = contentLength;
    bodyTimeout = null;
    enter(ConnectionPhase.BODY);
  }

  /** The body's reader takes over the body phase's timeout, and reports its progress. */
  void readingBody(BodyTimeout timeout) {
    this.bodyTimeout = timeout;
  }

  void bodyReceived(long bytes) {
    bodyBytes += bytes; // only the thread reading the body writes it
  }

  void bodyComplete() {
    bodyTimeout = null;
    enter(ConnectionPhase.ANSWER);
  }

  void answered() {
    bodyTimeout = null;
    becomeIdle();
  }

  /**
   * Moves an idle connection to the headers phase once bytes of a new request have arrived; only
   * the sweep calls it. Jetty parses headers without handing anything to a handler until they are
   * complete, so received bytes are the only sign that a request has begun.
   */
  void noticeRequestBytes() {
    if (phase == ConnectionPhase.IDLE && plaintext().getBytesIn() > bytesInWhenIdle) {
      enter(ConnectionPhase.HEADERS);
    }
  }

  /** Closes the network connection; whatever is in progress on it fails. */
  void close() {
    tls.getEndPoint().close();
  }

  private void becomeIdle() {
    bytesInWhenIdle = plaintext().getBytesIn();
    enter(ConnectionPhase.IDLE);
  }

  private void enter(ConnectionPhase next) {
    since = clock.getAsLong();
    phase = next;
  }

  private Connection plaintext() {
    return tls.getSslEndPoint().getConnection();
  }
}
