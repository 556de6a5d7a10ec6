package id.webrana.cloud.domain.catalog;

import id.webrana.cloud.domain.catalog.CatalogViolation.Rule;
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
                throw CatalogViolation.invalid("discountType", Rule.DISCOUNT_TYPE, "A coupon needs a discount");
            }
            if (validFrom != null && validUntil != null && !validUntil.isAfter(validFrom)) {
                throw CatalogViolation.invalid("validUntil", Rule.COUPON_WINDOW, "A coupon must end after it starts");
            }
            if (totalLimit != null && totalLimit < 1) {
                throw CatalogViolation.invalid("totalLimit", Rule.TOTAL_LIMIT, "Redemption limits must be at least 1");
            }
            if (perUserLimit != null && perUserLimit < 1) {
                throw CatalogViolation.invalid("perUserLimit", Rule.PER_USER_LIMIT,
                        "Redemption limits must be at least 1");
            }
            if (allowedPlanIds != null && (allowedPlanIds.size() > 50
                    || allowedPlanIds.stream().anyMatch(java.util.Objects::isNull))) {
                throw CatalogViolation.invalid("planIds", Rule.COUPON_PLANS, "A coupon names at most 50 plans, none empty");
            }
            if (allowedPeriods != null && allowedPeriods.stream().anyMatch(java.util.Objects::isNull)) {
                throw CatalogViolation.invalid("periods", Rule.COUPON_PERIODS, "A coupon period cannot be empty");
            }
            allowedPlanIds = allowedPlanIds == null ? Set.of() : Set.copyOf(allowedPlanIds);
            allowedPeriods = allowedPeriods == null || allowedPeriods.isEmpty()
                    ? Set.of() : Set.copyOf(EnumSet.copyOf(allowedPeriods));
        }
    }

    public Coupon(UUID id, String code, Terms terms, boolean active, int redemptionCount, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.code = normalize(code);
        this.redemptionCount = redemptionCount;
        apply(terms);
        this.active = active;
        this.version = version;
    }

    /**
     * A new, active coupon.
     *
     * @throws CatalogViolation COUPON_CODE (as {@code INVALID_COUPON}) or a rule of {@link #revise}
     */
    public static Coupon create(String code, Terms terms) {
        requireSensible(terms);
        return new Coupon(UUID.randomUUID(), code, terms, true, 0, 0);
    }

    /** Coupon codes are case-insensitive: stored and compared upper-case. */
    public static String normalize(String code) {
        if (code == null || !code.trim().matches("[A-Za-z0-9_\\-]{3,32}")) {
            throw new CatalogViolation(ErrorCode.INVALID_COUPON, "code", Rule.COUPON_CODE,
                    "Coupon code must be 3..32 letters, digits, - or _");
        }
        return code.trim().toUpperCase(Locale.ROOT);
    }

    /**
     * New terms set by an operator; the code and the redemptions stay.
     *
     * @throws CatalogViolation TOTAL_LIMIT_BELOW_REDEEMED when the total limit is below the redemptions so far,
     *                          MAX_DISCOUNT / MAX_DISCOUNT_FIXED for a cap of zero or on a fixed discount,
     *                          PER_USER_ABOVE_TOTAL when one account could use more than the total
     */
    public void revise(Terms terms) {
        Objects.requireNonNull(terms, "terms");
        requireSensible(terms);
        if (terms.totalLimit() != null && terms.totalLimit() < redemptionCount) {
            throw CatalogViolation.invalid("totalLimit", Rule.TOTAL_LIMIT_BELOW_REDEEMED, "Coupon " + code
                    + " was already redeemed " + redemptionCount
                    + " times; the total limit cannot be lower (deactivate it instead)");
        }
        apply(terms);
    }

    /** Rules for terms an operator sets (not checked on stored coupons, which were accepted once). */
    private static void requireSensible(Terms terms) {
        Objects.requireNonNull(terms, "terms");
        if (terms.maxDiscount() != null && terms.discount().type() == Discount.Type.FIXED) {
            throw CatalogViolation.invalid("maxDiscount", Rule.MAX_DISCOUNT_FIXED,
                    "A maximum discount only applies to a percent coupon");
        }
        if (terms.maxDiscount() != null && terms.maxDiscount().isZero()) {
            throw CatalogViolation.invalid("maxDiscount", Rule.MAX_DISCOUNT, "A maximum discount must be at least Rp 1");
        }
        if (terms.totalLimit() != null && terms.perUserLimit() != null && terms.perUserLimit() > terms.totalLimit()) {
            throw CatalogViolation.invalid("perUserLimit", Rule.PER_USER_ABOVE_TOTAL,
                    "The per-account limit cannot exceed the total limit");
        }
    }

    private void apply(Terms terms) {
        Objects.requireNonNull(terms, "terms");
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
