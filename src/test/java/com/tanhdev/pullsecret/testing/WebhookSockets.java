package com.tanhdev.pullsecret.testing;

import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLSocket;

/** Opens connections to a running webhook's HTTPS port, for tests that send bytes by hand. */
public interface WebhookSockets {

  /** A TCP connection with no TLS on it yet. */
  Socket plain() throws IOException;

  /** A TLS socket trusting the webhook's CA, not yet handshaken. */
  SSLSocket tls() throws Exception;
}
