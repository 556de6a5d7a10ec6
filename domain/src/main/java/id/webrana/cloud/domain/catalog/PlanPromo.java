package id.webrana.cloud.domain.catalog;

import id.webrana.cloud.domain.catalog.CatalogViolation.Rule;
import id.webrana.cloud.domain.shared.BillingPeriod;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A time-limited discount on one plan and period, applied automatically (no code to enter).
 * Valid from {@code startsAt} inclusive to {@code endsAt} exclusive, while active.
 *
 * <p>A promo is a value: editing or ending one gives a new value with the same id. Orders keep the promo in their
 * pricing snapshot, so changing or deleting a promo never changes what a customer already agreed to pay.
 */
public record PlanPromo(UUID id, UUID planId, BillingPeriod period, String name, Discount discount,
                        Instant startsAt, Instant endsAt, boolean active) {

    /** Where a promo stands at a given moment. */
    public enum Status {
        /** Active, starting later. */
        SCHEDULED,
        /** Applied to prices now. */
        RUNNING,
        /** Its window is over. */
        ENDED,
        /** Cancelled by an operator before it ran. */
        STOPPED
    }

    public PlanPromo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(discount, "discount");
        if (startsAt == null || endsAt == null || !endsAt.isAfter(startsAt)) {
            throw CatalogViolation.invalid("endsAt", Rule.PROMO_WINDOW, "A promo must end after it starts");
        }
        name = name == null ? "" : name.strip();
        if (name.length() > 100) {
            throw CatalogViolation.invalid("name", Rule.PROMO_NAME, "A promo name has at most 100 characters");
        }
    }

    /**
     * A new, active promo. Customers see its name next to the price, so it needs one.
     *
     * @throws CatalogViolation PROMO_NAME or PROMO_WINDOW
     */
    public static PlanPromo create(UUID planId, BillingPeriod period, String name, Discount discount,
                                   Instant startsAt, Instant endsAt) {
        return new PlanPromo(UUID.randomUUID(), planId, period, requireName(name), discount, startsAt, endsAt, true);
    }

    /** This promo with new terms (same id, same active flag). */
    public PlanPromo revise(UUID newPlanId, BillingPeriod newPeriod, String newName, Discount newDiscount,
                            Instant newStartsAt, Instant newEndsAt) {
        return new PlanPromo(id, newPlanId, newPeriod, requireName(newName), newDiscount, newStartsAt, newEndsAt,
                active);
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw CatalogViolation.invalid("name", Rule.PROMO_NAME, "A promo needs a name of 1..100 characters");
        }
        return name;
    }

    /**
     * This promo stopped at {@code now}: a running promo ends now (its history stays true), a scheduled one is
     * cancelled, one already over stays as it is.
     */
    public PlanPromo endAt(Instant now) {
        return switch (statusAt(now)) {
            case RUNNING -> now.isAfter(startsAt)
                    ? new PlanPromo(id, planId, period, name, discount, startsAt, now, active)
                    : new PlanPromo(id, planId, period, name, discount, startsAt, endsAt, false);
            case SCHEDULED -> new PlanPromo(id, planId, period, name, discount, startsAt, endsAt, false);
            case ENDED, STOPPED -> this;
        };
    }

    public Status statusAt(Instant now) {
        if (!now.isBefore(endsAt)) {
            return Status.ENDED;
        }
        if (!active) {
            return Status.STOPPED;
        }
        return now.isBefore(startsAt) ? Status.SCHEDULED : Status.RUNNING;
    }

    /** Whether it may still lower a price (running or scheduled). */
    public boolean isUpcomingOrRunning(Instant now) {
        Status s = statusAt(now);
        return s == Status.RUNNING || s == Status.SCHEDULED;
    }

    public boolean appliesTo(UUID plan, BillingPeriod p, Instant at) {
        return active && planId.equals(plan) && period == p && !at.isBefore(startsAt) && at.isBefore(endsAt);
    }
}
