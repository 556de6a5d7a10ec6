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
