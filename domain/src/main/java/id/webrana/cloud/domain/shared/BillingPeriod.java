package id.webrana.cloud.domain.shared;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** How long one payment keeps a server: the unit of a price and of a renewal. */
public enum BillingPeriod {
    DAILY, MONTHLY, YEARLY;

    /** The instant one period after {@code start}, computed in UTC calendar terms. */
    public Instant addTo(Instant start) {
        var utc = start.atOffset(ZoneOffset.UTC);
        return switch (this) {
            case DAILY -> start.plus(Duration.ofDays(1));
            case MONTHLY -> utc.plusMonths(1).toInstant();
            case YEARLY -> utc.plusYears(1).toInstant();
        };
    }

    /** The instant one period before {@code end}: the start of the period that ends at {@code end}. */
    public Instant subtractFrom(Instant end) {
        var utc = end.atOffset(ZoneOffset.UTC);
        return switch (this) {
            case DAILY -> end.minus(Duration.ofDays(1));
            case MONTHLY -> utc.minusMonths(1).toInstant();
            case YEARLY -> utc.minusYears(1).toInstant();
        };
    }

    /**
     * The first of {@code anchor + k periods} (k >= 1) strictly after {@code after}: the renewal dates of a
     * server keep the day of the month it was created on (Jan 31 → Feb 28 → Mar 31), instead of drifting to
     * the 28th as repeated {@link #addTo} would.
     */
    public Instant nextAfter(Instant anchor, Instant after) {
        var start = anchor.atOffset(ZoneOffset.UTC);
        long k = switch (this) {
            case DAILY -> Math.max(1, Duration.between(anchor, after).toDays());
            case MONTHLY -> Math.max(1, java.time.temporal.ChronoUnit.MONTHS.between(start, after.atOffset(ZoneOffset.UTC)));
            case YEARLY -> Math.max(1, java.time.temporal.ChronoUnit.YEARS.between(start, after.atOffset(ZoneOffset.UTC)));
        };
        while (true) {
            Instant candidate = switch (this) {
                case DAILY -> anchor.plus(Duration.ofDays(k));
                case MONTHLY -> start.plusMonths(k).toInstant();
                case YEARLY -> start.plusYears(k).toInstant();
            };
            if (candidate.isAfter(after)) {
                return candidate;
            }
            k++;
        }
    }

    /** Parses a period name, refusing anything else with {@code INVALID_DURATION}. */
    public static BillingPeriod parse(String value) {
        if (value != null) {
            for (BillingPeriod p : values()) {
                if (p.name().equalsIgnoreCase(value.trim())) {
                    return p;
                }
            }
        }
        throw new DomainException(ErrorCode.INVALID_DURATION,
                "Billing period must be one of DAILY, MONTHLY, YEARLY, not '" + value + "'");
    }
}
