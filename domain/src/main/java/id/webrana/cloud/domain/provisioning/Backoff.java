package id.webrana.cloud.domain.provisioning;

import java.time.Duration;

/**
 * Exponential backoff: {@code initial * 2^attempt}, capped at {@code max}. A delay the provider
 * asked for (rate limiting) wins when it is longer.
 */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max");
        }
    }

    public Duration delayFor(int attempt) {
        int shift = Math.min(Math.max(attempt, 0), 20);
        Duration d = initial.multipliedBy(1L << shift);
        return d.compareTo(max) > 0 ? max : d;
    }

    public Duration delayFor(int attempt, Duration requestedByProvider) {
        Duration d = delayFor(attempt);
        return requestedByProvider != null && requestedByProvider.compareTo(d) > 0 ? requestedByProvider : d;
    }
}
