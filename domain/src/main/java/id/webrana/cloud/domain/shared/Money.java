package id.webrana.cloud.domain.shared;

/**
 * An amount in whole Indonesian rupiah. Never negative: prices, discounts and totals are all
 * non-negative amounts; subtraction below zero is refused rather than silently clamped, so a
 * pricing bug cannot produce a negative invoice.
 */
public record Money(long rupiah) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    public Money {
        if (rupiah < 0) {
            throw new IllegalArgumentException("money cannot be negative: " + rupiah);
        }
    }

    public static Money rupiah(long amount) {
        return new Money(amount);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(rupiah, other.rupiah));
    }

    public Money minus(Money other) {
        return new Money(rupiah - other.rupiah);
    }

    /** The smaller of the two amounts. */
    public Money atMost(Money cap) {
        return rupiah <= cap.rupiah ? this : cap;
    }

    /**
     * {@code percent}% of this amount, rounded down to the whole rupiah (a discount never exceeds
     * its exact value).
     */
    public Money percentRoundedDown(int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be 0..100: " + percent);
        }
        return new Money(Math.multiplyExact(rupiah, (long) percent) / 100);
    }

    public boolean isZero() {
        return rupiah == 0;
    }

    public boolean isLessThan(Money other) {
        return rupiah < other.rupiah;
    }

    @Override
    public int compareTo(Money o) {
        return Long.compare(rupiah, o.rupiah);
    }

    @Override
    public String toString() {
        return "Rp " + rupiah;
    }
}
