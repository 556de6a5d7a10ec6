package id.webrana.cloud.domain.catalog;

import id.webrana.cloud.domain.shared.BillingPeriod;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.Money;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A discount code customers type in at checkout.
 *
 * <p>A coupon applies when it is active, inside its validity window, not exhausted (total and
 * per-user limits), the order reaches its minimum, and the plan and period are among those
 * allowed (an empty set allows all). A percent coupon may be capped. Each placed order redeems
 * the coupon once ({@link #redeem}); the total count lives on the aggregate so that optimistic
 * locking stops two last redemptions from both succeeding.
 */
public final class Coupon {

    private final UUID id;
    private final String code;
    private Discount discount;
    private Money maxDiscount;
    private Instant validFrom;
    private Instant validUntil;
    private Integer totalLimit;
    private Integer perUserLimit;
    private Money minimumOrder;
    private Set<UUID> allowedPlanIds;
    private Set<BillingPeriod> allowedPeriods;
    private boolean active;
    private int redemptionCount;
    private long version;

    /** The terms of a coupon, as an admin sets them. Null limits mean "no limit". */
    public record Terms(Discount discount, Money maxDiscount, Instant validFrom, Instant validUntil,
                        Integer totalLimit, Integer perUserLimit, Money minimumOrder,
                        Set<UUID> allowedPlanIds, Set<BillingPeriod> allowedPeriods) {
        public Terms {
            if (discount == null) {
                throw new DomainException(ErrorCode.VALIDATION_ERROR, "A coupon needs a discount");
            }
            if (validFrom != null && validUntil != null && !validUntil.isAfter(validFrom)) {
                throw new DomainException(ErrorCode.VALIDATION_ERROR, "A coupon must end after it starts");
            }
            if ((totalLimit != null && totalLimit < 1) || (perUserLimit != null && perUserLimit < 1)) {
                throw new DomainException(ErrorCode.VALIDATION_ERROR, "Redemption limits must be at least 1");
            }
            if (allowedPlanIds != null && (allowedPlanIds.size() > 50
                    || allowedPlanIds.stream().anyMatch(java.util.Objects::isNull))) {
                throw new DomainException(ErrorCode.VALIDATION_ERROR, "A coupon names at most 50 plans, none empty");
            }
            if (allowedPeriods != null && allowedPeriods.stream().anyMatch(java.util.Objects::isNull)) {
                throw new DomainException(ErrorCode.VALIDATION_ERROR, "A coupon period cannot be empty");
            }
            allowedPlanIds = allowedPlanIds == null ? Set.of() : Set.copyOf(allowedPlanIds);
            allowedPeriods = allowedPeriods == null || allowedPeriods.isEmpty()
                    ? Set.of() : Set.copyOf(EnumSet.copyOf(allowedPeriods));
        }
    }

    public Coupon(UUID id, String code, Terms terms, boolean active, int redemptionCount, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.code = normalize(code);
        revise(terms);
        this.active = active;
        this.redemptionCount = redemptionCount;
        this.version = version;
    }

    public static Coupon create(String code, Terms terms) {
        return new Coupon(UUID.randomUUID(), code, terms, true, 0, 0);
    }

    /** Coupon codes are case-insensitive: stored and compared upper-case. */
    public static String normalize(String code) {
        if (code == null || !code.trim().matches("[A-Za-z0-9_\\-]{3,32}")) {
            throw new DomainException(ErrorCode.INVALID_COUPON, "Coupon code must be 3..32 letters, digits, - or _");
        }
        return code.trim().toUpperCase(Locale.ROOT);
    }

    public void revise(Terms terms) {
        Objects.requireNonNull(terms, "terms");
        if (terms.totalLimit() != null && terms.totalLimit() < redemptionCount) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "Coupon " + code + " was already redeemed "
                    + redemptionCount + " times; the total limit cannot be lower (deactivate it instead)");
        }
        this.discount = terms.discount();
        this.maxDiscount = terms.maxDiscount();
        this.validFrom = terms.validFrom();
        this.validUntil = terms.validUntil();
        this.totalLimit = terms.totalLimit();
        this.perUserLimit = terms.perUserLimit();
        this.minimumOrder = terms.minimumOrder();
        this.allowedPlanIds = terms.allowedPlanIds();
        this.allowedPeriods = terms.allowedPeriods();
    }

    /**
     * The discount this coupon grants on {@code subtotal} (the price after any promo).
     *
     * @param userRedemptions how often this user already redeemed it
     * @throws DomainException INVALID_COUPON saying why it does not apply
     */
    public Money discountFor(UUID planId, BillingPeriod period, Money subtotal, int userRedemptions, Instant now) {
        if (!active) {
            throw invalid("is not active");
        }
        if (validFrom != null && now.isBefore(validFrom)) {
            throw invalid("is not valid yet");
        }
        if (validUntil != null && !now.isBefore(validUntil)) {
            throw invalid("has expired");
        }
        if (totalLimit != null && redemptionCount >= totalLimit) {
            throw invalid("has been fully redeemed");
        }
        if (perUserLimit != null && userRedemptions >= perUserLimit) {
            throw invalid("was already used the maximum number of times on this account");
        }
        if (!allowedPlanIds.isEmpty() && !allowedPlanIds.contains(planId)) {
            throw invalid("is not valid for this plan");
        }
        if (!allowedPeriods.isEmpty() && !allowedPeriods.contains(period)) {
            throw invalid("is not valid for the " + period + " billing period");
        }
        if (minimumOrder != null && subtotal.isLessThan(minimumOrder)) {
            throw invalid("needs a minimum order of " + minimumOrder);
        }
        Money off = discount.on(subtotal);
        return maxDiscount == null ? off : off.atMost(maxDiscount);
    }

    /** Counts one redemption; the caller has just checked {@link #discountFor}. */
    public void redeem() {
        if (totalLimit != null && redemptionCount >= totalLimit) {
            throw invalid("has been fully redeemed");
        }
        redemptionCount++;
    }

    /** Gives back the redemption of an order that was never paid (expired or rejected). */
    public void releaseRedemption() {
        if (redemptionCount > 0) {
            redemptionCount--;
        }
    }

    private DomainException invalid(String why) {
        return new DomainException(ErrorCode.INVALID_COUPON, "Coupon " + code + " " + why);
    }

    public void activate() { active = true; }
    public void deactivate() { active = false; }

    public UUID id() { return id; }
    public String code() { return code; }
    public Terms terms() {
        return new Terms(discount, maxDiscount, validFrom, validUntil, totalLimit, perUserLimit, minimumOrder,
                allowedPlanIds, allowedPeriods);
    }
    public boolean isActive() { return active; }
    public int redemptionCount() { return redemptionCount; }
    public long version() { return version; }
}
