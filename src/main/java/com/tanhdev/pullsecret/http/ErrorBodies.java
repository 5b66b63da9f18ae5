package com.tanhdev.pullsecret.http;

import io.javalin.http.Context;
import tools.jackson.databind.ObjectMapper;

/** Writes the JSON error body every non-200 answer carries: never a stack trace, never HTML. */
public final class ErrorBodies {

  private final ObjectMapper mapper;

  public ErrorBodies(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  void write(Context ctx, int status, String message) {
    ctx.status(status);
    ctx.contentType("application/json");
    ctx.result(mapper.createObjectNode().put("code", status).put("error", message).toString());
  }
}
