package id.webrana.cloud.sandbox.digitalocean;

/**
 * The values of the {@code ratelimit-limit}, {@code ratelimit-remaining} and {@code ratelimit-reset} headers.
 *
 * @param limit requests allowed per hour
 * @param remaining requests left in the current hour
 * @param resetEpochSeconds when the oldest counted request expires (Unix epoch seconds)
 */
public record RateLimitStatus(int limit, int remaining, long resetEpochSeconds) {

    /** @return the same status with nothing remaining, as sent with a 429 */
    public RateLimitStatus exhausted() {
        return new RateLimitStatus(limit, 0, resetEpochSeconds);
    }
}
