package id.webrana.cloud.sandbox.tripay;

import java.time.Instant;

/**
 * One HTTP attempt of a callback delivery.
 *
 * @param number 1 for the first try, 2..4 for the retries
 * @param at when it was sent
 * @param httpStatus the receiver's HTTP status, or {@code null} when no answer came (connection error, timeout)
 * @param reply the receiver's answer body (cut to {@link CallbackDispatcher#MAX_REPLY_CHARS}), or {@code null}
 * @param error what went wrong at the transport level, or {@code null}
 * @param acknowledged whether the receiver answered 2xx with a JSON {@code "success": true}
 */
public record CallbackAttempt(int number, Instant at, Integer httpStatus, String reply, String error,
                              boolean acknowledged) {
}
