package id.webrana.cloud.domain.catalog;

import id.webrana.cloud.domain.catalog.CatalogViolation.Rule;
import id.webrana.cloud.domain.shared.Money;

import java.util.Locale;

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
            throw CatalogViolation.invalid("discountType", Rule.DISCOUNT_TYPE, "Discount type is required");
        }
        if (type == Type.PERCENT && (value < 1 || value > 100)) {
            throw CatalogViolation.invalid("discountValue", Rule.PERCENT_RANGE, "A percent discount must be 1..100");
        }
        if (type == Type.FIXED && value < 1) {
            throw CatalogViolation.invalid("discountValue", Rule.FIXED_TOO_LOW,
                    "A fixed discount must be at least Rp 1");
        }
    }

    /**
     * A discount from what an operator chose: {@code type} PERCENT or FIXED (any case).
     *
     * @throws CatalogViolation DISCOUNT_TYPE for a missing or unknown type, else as the constructor
     */
    public static Discount of(String type, long value) {
        Type parsed = null;
        if (type != null) {
            for (Type t : Type.values()) {
                if (t.name().equals(type.trim().toUpperCase(Locale.ROOT))) {
                    parsed = t;
                }
            }
        }
        if (parsed == null) {
            throw CatalogViolation.invalid("discountType", Rule.DISCOUNT_TYPE,
                    "Unknown discount type: " + type + " (PERCENT or FIXED)");
        }
        return new Discount(parsed, value);
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
