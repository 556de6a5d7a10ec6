package id.webrana.cloud.sandbox.tripay;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One payment channel of the simulated merchant, with Tripay's standard fees and limits (from the channel table of
 * tripay.co.id/developer).
 *
 * @param code the channel code, e.g. {@code BRIVA}
 * @param name the display name, e.g. {@code BRI Virtual Account}
 * @param kind what the customer pays with
 * @param flatFee the flat part of the fee in rupiah
 * @param percentFee the percentage part of the fee, e.g. {@code 0.70} for 0.7 %
 * @param minimumFee the smallest fee, or {@code null}
 * @param maximumFee the largest fee, or {@code null}
 * @param minimumAmount the smallest amount the channel accepts
 * @param maximumAmount the largest amount the channel accepts
 * @param minExpiryMinutes the shortest allowed time from creation to {@code expired_time}
 * @param maxExpiryMinutes the longest allowed time from creation to {@code expired_time}
 * @param feePayer who bears the fee
 * @param payCodePrefix the first digits of the pay code (VA prefix), or {@code null} when the channel has none
 * @param phoneRequired whether {@code customer_phone} is required (OVO)
 * @param bankShortName the name used in payment instructions, e.g. {@code BRI}
 */
public record ChannelSpec(String code, String name, ChannelKind kind, long flatFee, BigDecimal percentFee,
                          Long minimumFee, Long maximumFee, long minimumAmount, long maximumAmount,
                          int minExpiryMinutes, int maxExpiryMinutes, FeePayer feePayer, String payCodePrefix,
                          boolean phoneRequired, String bankShortName) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Checks the mandatory parts. */
    public ChannelSpec {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(percentFee, "percentFee");
        Objects.requireNonNull(feePayer, "feePayer");
    }

    /** @return {@code redirect} for e-wallets the customer is sent to, {@code direct} otherwise */
    public String type() {
        return kind == ChannelKind.EWALLET ? "redirect" : "direct";
    }

    /** @return whether the customer must be redirected to pay */
    public boolean redirect() {
        return kind == ChannelKind.EWALLET;
    }

    /** @return Tripay's {@code group} */
    public String group() {
        return kind.group();
    }

    /**
     * The total fee for an amount: flat + percent (rounded up to the rupiah), then within
     * {@code minimumFee}..{@code maximumFee}.
     *
     * @param amount the transaction amount
     * @return the fee in rupiah
     */
    public long totalFee(long amount) {
        long percentPart = BigDecimal.valueOf(amount).multiply(percentFee)
                .divide(HUNDRED, 0, RoundingMode.CEILING).longValueExact();
        long fee = flatFee + percentPart;
        if (minimumFee != null && fee < minimumFee) {
            fee = minimumFee;
        }
        if (maximumFee != null && fee > maximumFee) {
            fee = maximumFee;
        }
        return fee;
    }

    /**
     * @param amount the transaction amount
     * @return the fee, all on the side of {@link #feePayer()}
     */
    public Fees fees(long amount) {
        long total = totalFee(amount);
        return feePayer == FeePayer.CUSTOMER ? new Fees(0, total) : new Fees(total, 0);
    }

    /**
     * @param amount an amount
     * @return whether the channel accepts it
     */
    public boolean accepts(long amount) {
        return amount >= minimumAmount && amount <= maximumAmount;
    }
}
