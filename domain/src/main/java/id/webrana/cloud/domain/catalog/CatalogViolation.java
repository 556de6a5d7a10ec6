package id.webrana.cloud.domain.catalog;

import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;

import java.util.Objects;

/**
 * A catalog rule refused what an operator entered, naming the rule and the input it concerns, so that a form can
 * show the reason next to that input (the REST API sees an ordinary {@link DomainException} with its code).
 *
 * <p>{@link #field()} is named as in the use case's commands ({@code name}, {@code sizeSlug}, {@code discountValue},
 * {@code prices.MONTHLY}, ...).
 */
public final class CatalogViolation extends DomainException {

    private static final long serialVersionUID = 1L;

    /** The rules of the catalog an input can break. */
    public enum Rule {
        PLAN_NAME, SIZE_SLUG, VCPU, MEMORY, DISK, TRANSFER, SORT_ORDER,
        PRICE_TOO_LOW, PRICE_MISSING, PRICE_BELOW_PROMO, PERIOD_UNKNOWN, IMAGE_UNKNOWN, PLAN_NEEDS_IMAGE,
        PLAN_UNKNOWN,
        IMAGE_NAME, PROVIDER_SLUG, DISTRIBUTION, IMAGE_KIND,
        DISCOUNT_TYPE, PERCENT_RANGE, FIXED_TOO_LOW,
        PROMO_NAME, PROMO_WINDOW, PROMO_PERIOD_NOT_SOLD, PROMO_NOT_BELOW_PRICE, PROMO_UNKNOWN,
        COUPON_CODE, COUPON_CODE_TAKEN, COUPON_WINDOW, TOTAL_LIMIT, TOTAL_LIMIT_BELOW_REDEEMED, PER_USER_LIMIT,
        PER_USER_ABOVE_TOTAL, MAX_DISCOUNT, MAX_DISCOUNT_FIXED, MINIMUM_ORDER, COUPON_PLANS, COUPON_PERIODS
    }

    private final String field;
    private final Rule rule;

    public CatalogViolation(ErrorCode code, String field, Rule rule, String message) {
        super(code, message);
        this.field = Objects.requireNonNull(field, "field");
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    /** A {@code VALIDATION_ERROR}. */
    public static CatalogViolation invalid(String field, Rule rule, String message) {
        return new CatalogViolation(ErrorCode.VALIDATION_ERROR, field, rule, message);
    }

    /** The input the rule concerns, named as in the commands. */
    public String field() {
        return field;
    }

    public Rule rule() {
        return rule;
    }
}
