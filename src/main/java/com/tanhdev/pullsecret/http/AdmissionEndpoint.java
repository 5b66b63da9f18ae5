package com.tanhdev.pullsecret.http;

import com.tanhdev.pullsecret.admission.AdmissionCodec;
import com.tanhdev.pullsecret.admission.AdmissionHandler;
import com.tanhdev.pullsecret.admission.AdmissionRequest;
import com.tanhdev.pullsecret.admission.Answer;
import com.tanhdev.pullsecret.admission.BadReviewException;
import com.tanhdev.pullsecret.admission.ReviewRecorder;
import com.tanhdev.pullsecret.metrics.WebhookMetrics;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /mutate}: the only code that knows both HTTP and admission. Transport checks come
 * first (content type and announced size before the body is read), then the body is read and parsed
 * as it arrives ({@link ReviewUpload}), without a thread waiting for it; the decision runs once it
 * is complete.
 */
public final class AdmissionEndpoint implements AdmissionRoute {

  private static final Logger LOG = LoggerFactory.getLogger(AdmissionEndpoint.class);

  private final AdmissionCodec codec;
  private final AdmissionHandler handler;
  private final ReviewRecorder recorder;
  private final WebhookMetrics metrics;
  private final ErrorBodies errors;
  private final RequestMemoryBudget budget;
  private final ThrottledWarning memoryRefusals =
      new ThrottledWarning(AdmissionEndpoint.class, "refused request bodies at the memory limit");
  // A client can send bad requests as fast as it likes; a log line each would let it flood the
  // logs, so they are reported like every other refusal.
  private final ThrottledWarning rejections =
      new ThrottledWarning(AdmissionEndpoint.class, "rejected admission requests");

  public AdmissionEndpoint(
      AdmissionCodec codec,
      AdmissionHandler handler,
      ReviewRecorder recorder,
      WebhookMetrics metrics,
      ErrorBodies errors) {
    this(
        codec,
        handler,
        recorder,
        metrics,
        errors,
        RequestMemoryBudget.forHeap(Runtime.getRuntime().maxMemory()));
  }

  AdmissionEndpoint(
      AdmissionCodec codec,
      AdmissionHandler handler,
      ReviewRecorder recorder,
      WebhookMetrics metrics,
      ErrorBodies errors,
      RequestMemoryBudget budget) {
    this.codec = codec;
    this.handler = handler;
    this.recorder = recorder;
    this.metrics = metrics;
    this.errors = errors;
    this.budget = budget;
    metrics.requestMemory(budget::used, budget.limit());
  }

  @Override
  public void handle(Context ctx) throws IOException {
    long start = System.nanoTime();
    metrics.requestStarted();
    if (!isJson(ctx.contentType())) {
      finished(
          start, fail(ctx, new TransportFailure(415, "content type must be application/json")));
      return;
    }
    if (ctx.req().getContentLengthLong() > ReviewUpload.LIMIT) {
      finished(
          start,
          fail(
              ctx,
              new TransportFailure(
                  413, "request body is larger than " + ReviewUpload.LIMIT + " bytes")));
      return;
    }
    ReviewUpload upload =
        new ReviewUpload(
            ctx.req().getInputStream(),
            codec.newDecoder(),
            budget.open(),
            ctx.attribute(TrackedConnection.ATTRIBUTE));
    ctx.future(
        () ->
            upload
                .start()
                .handle(
                    (review, failure) -> {
                      int status = 500;
                      try {
                        status = failure == null ? answer(ctx, review, start) : fail(ctx, failure);
                      } finally {
                        upload.release();
                        finished(start, status);
                      }
                      return null;
                    }));
  }

  /**
   * Sends the answer before the review is logged: the log line (a JSON encoding and a write to
   * stdout, about 100 µs at low rates) need not be in the API server's wait, as it was when the
   * answer was left for Javalin to write once the handler had finished. With its length announced,
   * Jetty completes and sends the response on the last byte.
   */
  private int answer(Context ctx, JsonNode review, long start) {
    AdmissionRequest request;
    try {
      request = codec.decode(review);
    } catch (BadReviewException e) {
      return fail(ctx, new TransportFailure(400, e.getMessage()));
    }
    Answer answer = handler.handle(request);
    byte[] body = codec.encode(request.apiVersion(), answer.response());
    HttpServletResponse response = ctx.res();
    response.setStatus(200);
    response.setContentType("application/json");
    response.setContentLength(body.length);
    try {
      response.getOutputStream().write(body);
    } catch (IOException e) {
      // Decided and answered on our side, as controller-runtime counts it; the API server sees a
      // failed call and applies the failure policy.
      LOG.debug("the client went away before its answer was sent", e);
    }
    recorder.record(request, answer.record(), System.nanoTime() - start);
    return 200;
  }

  /**
   * The sample's images are on a registry no rule can name ({@code .invalid} is reserved), so it
   * asks for no lookup; it goes around the recorder and the metrics.
   */
  @Override
  public void decideSample() {
    AdmissionRequest request = codec.decode(WarmUpReview.BYTES);
    codec.encode(request.apiVersion(), handler.handle(request).response());
  }

  private int fail(Context ctx, Throwable failure) {
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    if (!(cause instanceof TransportFailure transport)) {
      LOG.error("reading an admission request failed", cause);
      errors.write(ctx, 500, "internal error");
      return 500;
    }
    if (transport.status() == 503) {
      metrics.requestRefused("memory");
      memoryRefusals.warn(budget.used() + " of " + budget.limit() + " bytes in use");
    } else {
      rejections.warn("the last " + transport.status() + ": " + transport.getMessage());
    }
    ctx.header("Connection", "close"); // the rest of the body, if any, is not worth reading
    errors.write(ctx, transport.status(), transport.getMessage());
    return transport.status();
  }

  private void finished(long start, int status) {
    metrics.requestFinished(status, System.nanoTime() - start);
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
