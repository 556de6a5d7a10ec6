package id.webrana.cloud.application.port.out;

import java.time.Duration;
import java.util.Optional;

/**
 * A provider call failed. {@link #isTransient()} tells whether the same call may succeed later
 * (rate limit, 5xx, timeout, unreachable) or never will (validation error, unknown slug, auth).
 */
public class CloudProviderException extends RuntimeException {

    private final boolean transientFailure;
    private final int httpStatus;
    private final Duration retryAfter;

    public CloudProviderException(String message, boolean transientFailure, int httpStatus, Duration retryAfter,
                                  Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
    }

    public static CloudProviderException transientFailure(String message, int httpStatus, Duration retryAfter) {
        return new CloudProviderException(message, true, httpStatus, retryAfter, null);
    }

    public static CloudProviderException permanentFailure(String message, int httpStatus) {
        return new CloudProviderException(message, false, httpStatus, null, null);
    }

    public boolean isTransient() {
        return transientFailure;
    }

    /** HTTP status of the provider's answer, or 0 when there was none (timeout, connection refused). */
    public int httpStatus() {
        return httpStatus;
    }

    /** How long the provider asked us to wait (429 {@code retry-after} / {@code ratelimit-reset}). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
