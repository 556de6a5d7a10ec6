package id.webrana.cloud.adapter.out.digitalocean;

import java.time.Duration;

/**
 * DigitalOcean answered 429 (rate limit). Transient, with {@link #retryAfter()} taken from {@code retry-after}
 * (seconds) or else {@code ratelimit-reset} (epoch seconds); immediate retries are pointless, so the fault-tolerance
 * layer does not retry it and leaves the waiting to the caller.
 */
public class DigitalOceanRateLimitedException extends DigitalOceanTransientException {

    private static final long serialVersionUID = 1L;

    public DigitalOceanRateLimitedException(String message, Duration retryAfter) {
        super(message, 429, retryAfter, null);
    }
}
