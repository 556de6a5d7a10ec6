package id.webrana.cloud.sandbox.digitalocean;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Counts API requests over a sliding hour to fill the rate-limit headers as DigitalOcean does
 * (5 000 requests per hour, each request expiring one hour after it was made). The sandbox never refuses
 * requests because of this count; 429s come only from the {@link FaultInjector}. Thread-safe.
 */
public final class RateLimitTracker {

    /** Requests per hour, as on the real API. */
    public static final int LIMIT = 5000;
    private static final Duration WINDOW = Duration.ofHours(1);

    private final Deque<Instant> requests = new ArrayDeque<>();

    /**
     * Counts one request.
     *
     * @param now its time
     * @return the headers' values after it
     */
    public synchronized RateLimitStatus record(Instant now) {
        prune(now);
        if (requests.size() >= LIMIT) {
            requests.pollFirst();
        }
        requests.addLast(now);
        return status(now);
    }

    /**
     * @param now the time
     * @return the headers' values at that time, without counting a request
     */
    public synchronized RateLimitStatus current(Instant now) {
        prune(now);
        return status(now);
    }

    /** Forgets every request. */
    public synchronized void reset() {
        requests.clear();
    }

    private void prune(Instant now) {
        Instant horizon = now.minus(WINDOW);
        while (!requests.isEmpty() && !requests.peekFirst().isAfter(horizon)) {
            requests.pollFirst();
        }
    }

    private RateLimitStatus status(Instant now) {
        Instant oldest = requests.isEmpty() ? now : requests.peekFirst();
        return new RateLimitStatus(LIMIT, Math.max(0, LIMIT - requests.size()),
                oldest.plus(WINDOW).getEpochSecond());
    }
}
