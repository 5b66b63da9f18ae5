package com.tanhdev.pullsecret.http;

import com.tanhdev.pullsecret.admission.AdmissionCodec;
import com.tanhdev.pullsecret.admission.AdmissionHandler;
import com.tanhdev.pullsecret.admission.AdmissionRequest;
import com.tanhdev.pullsecret.admission.AdmissionResponse;
import com.tanhdev.pullsecret.admission.BadReviewException;
import com.tanhdev.pullsecret.admission.ReviewRecorder;
import com.tanhdev.pullsecret.metrics.WebhookMetrics;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /mutate}: the only code that knows both HTTP and admission. Transport checks come
 * first (content type before the body is read, size while streaming), then the codec and the
 * handler.
 */
public final class AdmissionEndpoint implements AdmissionRoute {

  private static final Logger LOG = LoggerFactory.getLogger(AdmissionEndpoint.class);

  private final AdmissionCodec codec;
  private final AdmissionHandler handler;
  private final ReviewRecorder recorder;
  private final WebhookMetrics metrics;
  private final ErrorBodies errors;

  public AdmissionEndpoint(
      AdmissionCodec codec,
      AdmissionHandler handler,
      ReviewRecorder recorder,
      WebhookMetrics metrics,
      ErrorBodies errors) {
    this.codec = codec;
    this.handler = handler;
    this.recorder = recorder;
    this.metrics = metrics;
    this.errors = errors;
  }

  @Override
  public void handle(Context ctx) {
    long start = System.nanoTime();
    metrics.requestStarted();
    int status = 500;
    try {
      status = answer(ctx, start);
    } finally {
      metrics.requestFinished(status, System.nanoTime() - start);
    }
  }

  private int answer(Context ctx, long start) {
    if (!isJson(ctx.contentType())) {
      return fail(ctx, 415, "content type must be application/json");
    }
    byte[] body;
    try {
      body = BoundedBody.read(ctx.req().getInputStream(), ctx.req().getContentLengthLong());
    } catch (BodyTooLargeException e) {
      ctx.header("Connection", "close"); // the rest of the body is not worth reading
      return fail(ctx, 413, e.getMessage());
    } catch (IOException e) {
      if (e.getCause() instanceof TimeoutException) {
        return fail(ctx, 408, "the request body did not arrive in time");
      }
      return fail(ctx, 400, "could not read the request body: " + e.getMessage());
    }
    AdmissionRequest request;
    try {
      request = codec.decode(body);
    } catch (BadReviewException e) {
      return fail(ctx, 400, e.getMessage());
    }
    AdmissionResponse response = handler.handle(request);
    ctx.contentType("application/json");
    ctx.result(codec.encode(request.apiVersion(), response));
    recorder.record(request, response, System.nanoTime() - start);
    return 200;
  }

  /**
   * The sample's images are on a registry no rule can name ({@code .invalid} is reserved), so it
   * asks for no lookup; it goes around the recorder and the metrics.
   */
  @Override
  public void decideSample() {
    AdmissionRequest request = codec.decode(WarmUpReview.BYTES);
    codec.encode(request.apiVersion(), handler.handle(request));
  }

  private int fail(Context ctx, int status, String message) {
    LOG.warn("rejected admission request: {} {}", status, message);
    errors.write(ctx, status, message);
    return status;
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String mediaType = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return mediaType.trim().equalsIgnoreCase("application/json");
  }
}
