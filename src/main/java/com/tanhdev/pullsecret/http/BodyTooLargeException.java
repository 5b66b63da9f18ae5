package com.tanhdev.pullsecret.http;

/** The request body is over the limit; answered 413. */
final class BodyTooLargeException extends Exception {

  BodyTooLargeException(long limit) {
    super("request body is larger than " + limit + " bytes");
  }
}
