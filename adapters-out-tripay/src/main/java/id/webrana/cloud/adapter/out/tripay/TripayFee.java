package id.webrana.cloud.adapter.out.tripay;

import id.webrana.cloud.domain.shared.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One entry of {@code GET merchant/fee-calculator}: what a channel charges for an amount, and who pays it.
 *
 * @param code        channel code, e.g. {@code QRIS}
 * @param name        channel name
 * @param flat        the channel's flat fee
 * @param percent     the channel's percentage fee, e.g. 0.70 for 0.7 % (Tripay sends it as a string)
 * @param minimum     the fee's lower bound, or null
 * @param maximum     the fee's upper bound, or null
 * @param merchantFee the part of the fee the merchant pays for this amount
 * @param customerFee the part of the fee the customer pays on top of this amount
 */
public record TripayFee(String code, String name, Money flat, BigDecimal percent, Money minimum, Money maximum,
                        Money merchantFee, Money customerFee) {
    public TripayFee {
        Objects.requireNonNull(code, "code");
        flat = flat == null ? Money.ZERO : flat;
        percent = percent == null ? BigDecimal.ZERO : percent;
        merchantFee = merchantFee == null ? Money.ZERO : merchantFee;
        customerFee = customerFee == null ? Money.ZERO : customerFee;
    }
}
