package com.tanhdev.pullsecret.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap that request bodies in progress may hold, across all connections at once. Every request
 * charges for what it has received and kept before it keeps it, and gives it all back once it is
 * answered; a charge that does not fit is refused at once (503), so no client, and no number of
 * clients, can drive the heap into an OutOfMemoryError. Nothing is reserved from an announced
 * Content-Length: a client that announces 7 MiB and sends 10 bytes holds 10 bytes' worth.
 *
 * <p>A part of the budget is open only to small requests (a typical review is a few KiB): a few
 * large bodies, hostile or not, cannot lock out the API server's ordinary calls.
 */
final class RequestMemoryBudget {

  /**
   * A third of the heap: the rest holds the process itself (about 30 MiB live with a 96 MiB heap,
   * measured in docs/benchmarks.md), the connections' TLS state and buffers, and headroom for the
   * collector.
   */
  private static final int HEAP_FRACTION = 3;

  /** Requests that have charged up to this are small, and may use the reserve. */
  static final long SMALL_REQUEST_BYTES = 256 * 1024;

  private final long limit;
  private final long reserveForSmall;
  private final AtomicLong used = new AtomicLong();

  RequestMemoryBudget(long limit, long reserveForSmall) {
    this.limit = limit;
    this.reserveForSmall = reserveForSmall;
  }

  /** A budget sized from the JVM's maximum heap, with an eighth of it reserved for small calls. */
  static RequestMemoryBudget forHeap(long maxHeapBytes) {
    long limit = maxHeapBytes / HEAP_FRACTION;
    return new RequestMemoryBudget(limit, limit / 8);
  }

  /** One request's account, charged as its bytes arrive. */
  Account open() {
    return new Account();
  }

  long limit() {
    return limit;
  }

  long used() {
    return used.get();
  }

  private boolean tryCharge(long bytes, boolean small) {
    long ceiling = small ? limit : limit - reserveForSmall;
    while (true) {
      long current = used.get();
      if (current + bytes > ceiling) {
        return false;
      }
      if (used.compareAndSet(current, current + bytes)) {
        return true;
      }
    }
  }

  /** What one request holds; not thread-safe, like the request it belongs to. */
  final class Account {

    private long charged;

    /** Charges {@code bytes} more, or returns false and charges nothing when they do not fit. */
    boolean tryCharge(long bytes) {
      long total = charged + bytes;
      if (!RequestMemoryBudget.this.tryCharge(bytes, total <= SMALL_REQUEST_BYTES)) {
        return false;
      }
      charged = total;
      return true;
    }

    long charged() {
      return charged;
    }

    /** Gives everything back; safe to call more than once. */
    void release() {
      used.addAndGet(-charged);
      charged = 0;
    }
  }
}
