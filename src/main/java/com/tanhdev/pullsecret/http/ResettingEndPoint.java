package com.tanhdev.pullsecret.http;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * A webhook connection that, when the server closes it for sitting idle, resets it (TCP RST)
 * instead of ending it in order (TLS close_notify, then waiting for the client to close).
 *
 * <p>Why: the API server may pick that idle connection for its next call at the very moment it is
 * closed. After an orderly close the client's write still succeeds, the call goes out, and its
 * answer is an {@code EOF}; Go's HTTP client does not resend a POST it has written, so the call
 * fails. After a reset the client's kernel refuses the write itself; nothing was sent, and Go's
 * client then resends the call on another connection. That leaves only the calls written in the
 * microseconds the reset takes to arrive. The roll-out drill met this once in about 25 replica
 * stops, at the start of a stopping server's drain (docs/benchmarks.md, roll-outs).
 *
 * <p>An idle connection owes its client nothing: every answer on it was written long before, so a
 * reset loses no data. A connection with a request in progress is left to Jetty, which answers it.
 */
final class ResettingEndPoint extends SocketChannelEndPoint {

  ResettingEndPoint(
      SocketChannel channel, ManagedSelector selector, SelectionKey key, Scheduler scheduler) {
    super(channel, selector, key, scheduler);
  }

  @Override
  protected void onIdleExpired(TimeoutException timeout) {
    Connection connection = getConnection();
    if (connection != null && !connection.onIdleExpired(timeout)) {
      return; // a request in progress: Jetty ends it with an answer
    }
    reset(timeout);
  }

  private void reset(TimeoutException cause) {
    try {
      // With lingering off, the JDK closes without a FIN and the kernel sends a reset.
      getChannel().setOption(StandardSocketOptions.SO_LINGER, 0);
    } catch (IOException e) {
      // The socket is already broken; closing it is all that is left to do.
    }
    close(cause);
  }
}
