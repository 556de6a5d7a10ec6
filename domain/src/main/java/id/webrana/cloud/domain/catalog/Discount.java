package id.webrana.cloud.domain.catalog;

import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.Money;

/**
 * A percent or fixed discount, as promos and coupons grant.
 *
 * @param type    PERCENT (value 1..100) or FIXED (value in rupiah, at least 1)
 * @param value   the percent or the amount
 */
public record Discount(Type type, long value) {

    public enum Type { PERCENT, FIXED }

    public Discount {
        if (type == null) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "Discount type is required");
        }
        if (type == Type.PERCENT && (value < 1 || value > 100)) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "A percent discount must be 1..100");
        }
        if (type == Type.FIXED && value < 1) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "A fixed discount must be at least Rp 1");
        }
    }

    public static Discount percent(int percent) {
        return new Discount(Type.PERCENT, percent);
    }

    public static Discount fixed(long rupiah) {
        return new Discount(Type.FIXED, rupiah);
    }

    /** The discount on {@code amount}: percent rounded down, never more than the amount itself. */
    public Money on(Money amount) {
        Money raw = type == Type.PERCENT ? amount.percentRoundedDown((int) value) : Money.rupiah(value);
        return raw.atMost(amount);
    }
}
