package id.webrana.cloud.adapter.out.tripay;

import id.webrana.cloud.domain.billing.PaymentChannel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The last channel list Tripay gave, with when it was fetched. {@link #fresh()} serves it while younger than the
 * lifetime; {@link #latest()} serves it at any age (the stale list shown while Tripay is unavailable). Thread-safe.
 */
final class ChannelCache {

    private record Entry(List<PaymentChannel> channels, Instant fetchedAt) {
    }

    private final Duration ttl;
    private final Clock clock;
    private volatile Entry entry;

    ChannelCache(Duration ttl, Clock clock) {
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The list while it is younger than the lifetime (never with a lifetime of zero). */
    Optional<List<PaymentChannel>> fresh() {
        Entry current = entry;
        if (current == null || ttl.isZero()) {
            return Optional.empty();
        }
        return clock.instant().isBefore(current.fetchedAt().plus(ttl)) ? Optional.of(current.channels())
                : Optional.empty();
    }

    /** The last list at any age, or empty when there never was one. */
    Optional<List<PaymentChannel>> latest() {
        Entry current = entry;
        return current == null ? Optional.empty() : Optional.of(current.channels());
    }

    /** Keeps a newly fetched list. */
    void put(List<PaymentChannel> channels) {
        entry = new Entry(List.copyOf(channels), clock.instant());
    }
}
