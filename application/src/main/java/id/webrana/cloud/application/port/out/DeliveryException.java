package id.webrana.cloud.application.port.out;

import java.time.Duration;

/** A message could not be delivered on a channel; the kind decides what the dispatcher does next. */
public class DeliveryException extends Exception {

    /**
     * RATE_LIMITED: try again after {@link #retryAfter()}. RECIPIENT_GONE: the recipient can no longer be
     * reached on this channel (blocked bot, deleted chat) — stop and unlink. TRANSIENT: retry with backoff.
     * PERMANENT: retrying will not help (bad address, refused content).
     */
    public enum Kind { RATE_LIMITED, RECIPIENT_GONE, TRANSIENT, PERMANENT }

    private final Kind kind;
    private final Duration retryAfter;

    public DeliveryException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public DeliveryException(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** How long to wait before the next attempt, for RATE_LIMITED; otherwise null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
