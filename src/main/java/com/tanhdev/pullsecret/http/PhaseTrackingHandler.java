package com.tanhdev.pullsecret.http;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The first handler of the webhook server: it tells a request's connection that its headers are
 * complete and, when the answer is written, that it is idle again, and it hands the connection to
 * the endpoint as a request attribute so the body's reader can report to it.
 */
final class PhaseTrackingHandler extends Handler.Wrapper {

  private final ConnectionPhases phases;

  PhaseTrackingHandler(ConnectionPhases phases) {
    this.phases = phases;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    TrackedConnection connection = phases.of(request.getConnectionMetaData().getConnection());
    if (connection == null) {
      return super.handle(request, response, callback);
    }
    connection.requestStarted(request.getLength());
    request.setAttribute(TrackedConnection.ATTRIBUTE, connection);
    // Idle before the answer completes: completing it may already start the next request.
    return super.handle(
        request,
        response,
        new Callback.Nested(callback) {
          @Override
          public void succeeded() {
            connection.answered();
            super.succeeded();
          }

          @Override
          public void failed(Throwable failure) {
            connection.answered();
            super.failed(failure);
          }
        });
  }
}
