package com.tanhdev.pullsecret.http;

import io.javalin.http.Handler;

/** What {@link WebhookServer} serves on {@code /mutate}, and warms up before readiness. */
public interface AdmissionRoute extends Handler {

  /**
   * Does, in memory, the work of one typical review, so that {@link JitWarmUp} can repeat it until
   * the JIT has compiled it. Must leave no trace: no lookup, metric or log line.
   */
  void decideSample() throws Exception;
}
