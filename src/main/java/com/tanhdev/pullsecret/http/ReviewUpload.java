package com.tanhdev.pullsecret.http;

import com.tanhdev.pullsecret.admission.BadReviewException;
import com.tanhdev.pullsecret.admission.ReviewDecoder;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;

/**
 * Reads one review's body as it arrives, without holding a thread while it waits (a servlet {@link
 * ReadListener}): each part is charged to the {@link RequestMemoryBudget}, counted against the size
 * limit and parsed at once by a {@link ReviewDecoder}, then dropped. A slow client therefore costs
 * a connection and what it has sent, never a worker, and the body is never buffered whole.
 */
final class ReviewUpload implements ReadListener, TrackedConnection.BodyTimeout {

  /**
   * The API server caps a stored object at about 3 MiB, and a review can carry the object and the
   * old object; 7 MiB leaves room for both and still bounds what one request can send.
   */
  static final int LIMIT = 7 * 1024 * 1024;

  /**
   * Kept fields beyond this are not a pod anyone runs (that is thousands of containers), and the
   * budget is better spent on other requests.
   */
  static final long KEPT_LIMIT = 2 * 1024 * 1024;

  /**
   * What each received byte is charged until the review is answered: the parser holds at most the
   * token in progress, and a string token of n bytes takes at most 2n bytes of chars.
   */
  private static final int CHARGE_PER_BYTE = 2;

  private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(() -> new byte[16384]);

  private final ServletInputStream in;
  private final ReviewDecoder decoder;
  private final RequestMemoryBudget.Account account;
  private final TrackedConnection connection;
  private final CompletableFuture<JsonNode> review = new CompletableFuture<>();
  private long received;
  private long keptCharged;
  private boolean done;

  /**
   * @param connection the connection the body arrives on, told of progress; null outside the
   *     webhook connector
   */
  ReviewUpload(
      ServletInputStream in,
      ReviewDecoder decoder,
      RequestMemoryBudget.Account account,
      TrackedConnection connection) {
    this.in = in;
    this.decoder = decoder;
    this.account = account;
    this.connection = connection;
  }

  /** Starts reading; the future ends with the kept tree or a {@link TransportFailure}. */
  CompletableFuture<JsonNode> start() {
    if (connection != null) {
      connection.readingBody(this);
    }
    in.setReadListener(this);
    return review;
  }

  /** Gives back what the request charged; call once it is answered. */
  synchronized void release() {
    done = true;
    account.release();
  }

  @Override
  public void onDataAvailable() throws IOException {
    byte[] buffer = BUFFERS.get();
    TransportFailure failure = null;
    synchronized (this) {
      int read;
      while (!done && in.isReady() && (read = in.read(buffer)) >= 0) {
        failure = accept(buffer, read);
        if (failure != null) {
          done = true;
        }
      }
    }
    if (failure != null) {
      fail(failure);
    }
  }

  @Override
  public void onAllDataRead() {
    JsonNode tree = null;
    TransportFailure failure = null;
    synchronized (this) {
      if (done) {
        return;
      }
      done = true;
      try {
        tree = decoder.finish();
        failure = chargeKept();
      } catch (BadReviewException e) {
        failure = new TransportFailure(400, e.getMessage());
      }
    }
    if (failure != null) {
      fail(failure);
    } else {
      bodyComplete();
      review.complete(tree);
    }
  }

  @Override
  public void onError(Throwable failure) {
    failOnce(new TransportFailure(400, "could not read the request body: " + failure));
  }

  @Override
  public void bodyTimedOut() {
    failOnce(new TransportFailure(408, "the request body did not arrive in time"));
  }

  private TransportFailure accept(byte[] buffer, int read) {
    received += read;
    if (connection != null) {
      connection.bodyReceived(read);
    }
    if (received > LIMIT) {
      return new TransportFailure(413, "request body is larger than " + LIMIT + " bytes");
    }
    if (!account.tryCharge((long) CHARGE_PER_BYTE * read)) {
      return overBudget();
    }
    try {
      decoder.feed(buffer, 0, read);
    } catch (BadReviewException e) {
      return new TransportFailure(400, e.getMessage());
    }
    return chargeKept();
  }

  private TransportFailure chargeKept() {
    long kept = decoder.retainedBytes();
    if (kept > KEPT_LIMIT) {
      return new TransportFailure(
          413,
          "the containers and pull secrets of this object take more than "
              + KEPT_LIMIT
              + " bytes to inspect");
    }
    if (!account.tryCharge(kept - keptCharged)) {
      return overBudget();
    }
    keptCharged = kept;
    return null;
  }

  private static TransportFailure overBudget() {
    return new TransportFailure(
        503, "the webhook is at its memory limit for request bodies; retry shortly");
  }

  private void failOnce(TransportFailure failure) {
    synchronized (this) {
      if (done) {
        return;
      }
      done = true;
    }
    fail(failure);
  }

  private void fail(TransportFailure failure) {
    bodyComplete();
    review.completeExceptionally(failure);
  }

  private void bodyComplete() {
    if (connection != null) {
      connection.bodyComplete();
    }
  }
}
