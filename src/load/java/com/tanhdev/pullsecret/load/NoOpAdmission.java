package com.tanhdev.pullsecret.load;

import com.tanhdev.pullsecret.http.AdmissionRoute;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The ceiling: reads the whole review, as any webhook must, and answers a fixed "allowed" review
 * without parsing anything. Whatever this reaches on the same server stack is what TLS, HTTP and
 * the machine allow; the webhook is reported as a share of it.
 */
final class NoOpAdmission implements AdmissionRoute {

  private static final byte[] ALLOWED =
      ("{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\","
              + "\"response\":{\"uid\":\"\",\"allowed\":true}}")
          .getBytes(StandardCharsets.US_ASCII);

  @Override
  public void handle(Context ctx) throws IOException {
    try (InputStream body = ctx.req().getInputStream()) {
      body.readAllBytes();
    }
    ctx.contentType("application/json");
    ctx.result(ALLOWED);
  }

  /** There is no decision to warm up; the TLS handshake warm-up still runs. */
  @Override
  public void decideSample() {}
}
