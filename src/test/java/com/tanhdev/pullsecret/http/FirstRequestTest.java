package com.tanhdev.pullsecret.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FirstRequestTest {

  private final Server server = new Server();
  private final AtomicInteger requests = new AtomicInteger();

  @AfterEach
  void stop() throws Exception {
    server.stop();
  }

  private void answerWith(int status) throws Exception {
    server.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback) {
            requests.incrementAndGet();
            response.setStatus(status);
            callback.succeeded();
            return true;
          }
        });
    server.start();
  }

  @Test
  void the_request_goes_through_the_servers_handlers_and_its_connector_is_gone_after()
      throws Exception {
    answerWith(405);

    FirstRequest.send(server, "/mutate", 405);

    assertThat(requests).hasValue(1);
    assertThat(server.getConnectors()).noneMatch(LocalConnector.class::isInstance);
  }

  @Test
  void an_unexpected_answer_stops_the_start_with_what_was_answered() throws Exception {
    answerWith(500);

    assertThatThrownBy(() -> FirstRequest.send(server, "/mutate", 405))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("was answered: HTTP/1.1 500");
    assertThat(server.getConnectors()).noneMatch(LocalConnector.class::isInstance);
  }
}
