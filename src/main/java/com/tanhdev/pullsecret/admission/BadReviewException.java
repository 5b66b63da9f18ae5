package com.tanhdev.pullsecret.admission;

/** The body is not an AdmissionReview this webhook can answer; the HTTP layer maps it to 400. */
public final class BadReviewException extends RuntimeException {

  public BadReviewException(String message) {
    super(message);
  }
}
