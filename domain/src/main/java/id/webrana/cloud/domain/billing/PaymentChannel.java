package id.webrana.cloud.domain.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import id.webrana.cloud.domain.shared.Money;

/**
 * A way to pay, with what it costs the customer.
 *
 * @param code           the gateway's channel code, e.g. {@code BRIVA}, {@code QRIS}
 * @param name           a display name, e.g. "BRI Virtual Account"
 * @param group          "Virtual Account", "E-Wallet", "Convenience Store", ...
 * @param redirect       true when the customer must be sent to the gateway's page to pay
 * @param feeFlat        the customer's flat fee
 * @param feePercent     the customer's percentage fee, e.g. 0.70 for 0.7 %
 * @param minimumFee     lower bound of the fee, or null
 * @param maximumFee     upper bound of the fee, or null
 * @param minimumAmount  the smallest amount the channel accepts, or null
 * @param maximumAmount  the largest amount the channel accepts, or null
 * @param iconUrl        the channel's logo, or null
 */
public record PaymentChannel(String code, String name, String group, boolean redirect, Money feeFlat,
                      BigDecimal feePercent, Money minimumFee, Money maximumFee, Money minimumAmount,
                      Money maximumAmount, String iconUrl) {
    public PaymentChannel {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        feeFlat = feeFlat == null ? Money.ZERO : feeFlat;
        feePercent = feePercent == null ? BigDecimal.ZERO : feePercent;
    }

    /** The fee the customer pays on top of {@code amount}: flat + percent (rounded up), within min/max. */
    public Money customerFee(Money amount) {
        long percentPart = BigDecimal.valueOf(amount.rupiah()).multiply(feePercent)
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING).longValueExact();
        long fee = feeFlat.rupiah() + percentPart;
        if (minimumFee != null && fee > 0 && fee < minimumFee.rupiah()) {
            fee = minimumFee.rupiah();
        }
        if (maximumFee != null && maximumFee.rupiah() > 0 && fee > maximumFee.rupiah()) {
            fee = maximumFee.rupiah();
        }
        return Money.rupiah(fee);
    }

    /** Whether the channel takes this amount. */
    public boolean accepts(Money amount) {
        return (minimumAmount == null || !amount.isLessThan(minimumAmount))
                && (maximumAmount == null || maximumAmount.isZero() || !maximumAmount.isLessThan(amount));
    }
}
