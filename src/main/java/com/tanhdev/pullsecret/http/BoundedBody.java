package com.tanhdev.pullsecret.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body up to a limit while streaming, so a chunked body without a Content-Length is
 * cut off at the limit instead of being buffered whole.
 */
final class BoundedBody {

  /**
   * The API server caps a stored object at about 3 MiB, and a review can carry the object and the
   * old object; 7 MiB leaves room for both and still bounds what one request can make us hold.
   */
  static final int LIMIT = 7 * 1024 * 1024;

  private BoundedBody() {}

  static byte[] read(InputStream in, long declaredLength)
      throws IOException, BodyTooLargeException {
    if (declaredLength > LIMIT) {
      throw new BodyTooLargeException(LIMIT);
    }
    int initial = declaredLength > 0 ? (int) declaredLength : 8192;
    ByteArrayOutputStream body = new ByteArrayOutputStream(initial);
    byte[] buffer = new byte[16384];
    int read;
    while ((read = in.read(buffer)) != -1) {
      if (body.size() + read > LIMIT) {
        throw new BodyTooLargeException(LIMIT);
      }
      body.write(buffer, 0, read);
    }
    return body.toByteArray();
  }
}
