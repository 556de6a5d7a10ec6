package id.webrana.cloud.domain.catalog;

import id.webrana.cloud.domain.shared.BillingPeriod;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A time-limited discount on one plan and period, applied automatically (no code to enter).
 * Valid from {@code startsAt} inclusive to {@code endsAt} exclusive.
 */
public record PlanPromo(UUID id, UUID planId, BillingPeriod period, String name, Discount discount,
                        Instant startsAt, Instant endsAt, boolean active) {

    public PlanPromo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(discount, "discount");
        if (startsAt == null || endsAt == null || !endsAt.isAfter(startsAt)) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "A promo must end after it starts");
        }
        name = name == null ? "" : name.trim();
        if (name.length() > 100) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "A promo name has at most 100 characters");
        }
    }

    public boolean appliesTo(UUID plan, BillingPeriod p, Instant at) {
        return active && planId.equals(plan) && period == p && !at.isBefore(startsAt) && at.isBefore(endsAt);
    }
}
