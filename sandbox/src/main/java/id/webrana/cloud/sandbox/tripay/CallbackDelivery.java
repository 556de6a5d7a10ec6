package id.webrana.cloud.sandbox.tripay;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One callback the simulator sent (or decided not to send) for one status change or resend request, with its
 * attempts. The body and signature never change between attempts. Thread-safe.
 */
public final class CallbackDelivery {

    /** Where a delivery stands. */
    public enum State {
        /** Attempts are still to come. */
        PENDING,
        /** The receiver acknowledged it with {@code {"success": true}}. */
        DELIVERED,
        /** All four attempts failed. */
        GAVE_UP,
        /** Not sent because {@code dropCallbacks} was on. */
        DROPPED,
        /** Not sent because neither the transaction nor the merchant has a callback URL. */
        NO_URL,
        /** Abandoned by a reset of the simulator. */
        CANCELLED
    }

    /** Why a delivery exists. */
    public enum Trigger {
        /** The transaction left UNPAID. */
        STATUS_CHANGE,
        /** {@code POST /tripay/_control/transactions/{reference}/resend-callback}. */
        RESEND
    }

    private final long id;
    private final String reference;
    private final TransactionStatus status;
    private final Trigger trigger;
    private final String url;
    private final byte[] body;
    private final String signature;
    private final Instant createdAt;
    private final long generation;
    private final List<CallbackAttempt> attempts = new ArrayList<>();
    private State state;

    CallbackDelivery(long id, String reference, TransactionStatus status, Trigger trigger, String url, byte[] body,
                     String signature, Instant createdAt, long generation, State state) {
        this.id = id;
        this.reference = Objects.requireNonNull(reference);
        this.status = status;
        this.trigger = trigger;
        this.url = url;
        this.body = body.clone();
        this.signature = signature;
        this.createdAt = createdAt;
        this.generation = generation;
        this.state = state;
    }

    /** @return a number unique within the simulator's life */
    public long id() {
        return id;
    }

    /** @return the transaction reference */
    public String reference() {
        return reference;
    }

    /** @return the status the body announces */
    public TransactionStatus status() {
        return status;
    }

    /** @return why it was sent */
    public Trigger trigger() {
        return trigger;
    }

    /** @return the receiver's URL, or {@code null} when there is none */
    public String url() {
        return url;
    }

    /** @return a copy of the exact body bytes */
    public byte[] body() {
        return body.clone();
    }

    /** @return the body as text */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** @return the {@code X-Callback-Signature} value */
    public String signature() {
        return signature;
    }

    /** @return when the status change (or resend request) happened */
    public Instant createdAt() {
        return createdAt;
    }

    long generation() {
        return generation;
    }

    /** @return the state now */
    public synchronized State state() {
        return state;
    }

    /** @return the attempts so far, oldest first */
    public synchronized List<CallbackAttempt> attempts() {
        return List.copyOf(attempts);
    }

    /** @return the latest attempt, or {@code null} before the first */
    public synchronized CallbackAttempt lastAttempt() {
        return attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
    }

    synchronized void record(CallbackAttempt attempt) {
        attempts.add(attempt);
    }

    synchronized void finish(State newState) {
        if (state == State.PENDING) {
            state = newState;
        }
    }
}
