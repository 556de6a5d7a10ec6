package id.webrana.cloud.sandbox.digitalocean;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that follows a base clock plus an offset that can be moved forward, so that end-to-end tests can
 * skip a boot or action delay ({@code POST /digitalocean/_control/clock/advance}) instead of waiting for it.
 * Thread-safe.
 */
public final class SandboxClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    /** @param base the underlying clock, e.g. {@link Clock#systemUTC()} */
    public SandboxClock(Clock base) {
        this.base = Objects.requireNonNull(base);
    }

    /**
     * Moves this clock forward.
     *
     * @param amount how far; must not be negative
     * @return the offset now in force
     */
    public Duration advance(Duration amount) {
        if (amount.isNegative()) {
            throw DigitalOceanException.badRequest("The sandbox clock only moves forward.");
        }
        return offset.accumulateAndGet(amount, Duration::plus);
    }

    /** @return how far this clock is ahead of its base */
    public Duration offset() {
        return offset.get();
    }

    /** Puts the clock back on its base. */
    public void resetOffset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(base.withZone(zone), offset.get());
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }
}
