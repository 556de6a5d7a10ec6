package id.webrana.cloud.sandbox.tripay;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One closed-payment transaction at one moment (immutable; a status change makes a new instance).
 *
 * <p>Amounts follow Tripay's (surprising) convention in the API answers: {@link #amount()} here is what the merchant
 * asked for, while the API's {@code amount} field is {@link #payableAmount()} = amount + customer fee (see
 * {@link TripayJson#transaction}).
 *
 * @param reference Tripay's reference, e.g. {@code DEV-T26000000001ABCDE}
 * @param merchantRef the merchant's reference
 * @param channel the payment channel
 * @param customerName the customer's name
 * @param customerEmail the customer's e-mail
 * @param customerPhone the customer's phone, or {@code null}
 * @param callbackUrl the per-transaction callback URL as sent, or {@code null}
 * @param returnUrl the return URL, or {@code null}
 * @param amount the amount the merchant asked for (Σ price × quantity)
 * @param fees the fee split
 * @param payCode the VA number / payment code, or {@code null}
 * @param qrString the QRIS payload, or {@code null}
 * @param orderItems the items
 * @param status the status
 * @param createdAt when it was created
 * @param expiresAt {@code expired_time}
 * @param paidAt when it was paid, or {@code null}
 * @param settledAt when it left UNPAID, or {@code null}
 */
public record Transaction(String reference, String merchantRef, ChannelSpec channel, String customerName,
                          String customerEmail, String customerPhone, String callbackUrl, String returnUrl,
                          long amount, Fees fees, String payCode, String qrString, List<OrderItem> orderItems,
                          TransactionStatus status, Instant createdAt, Instant expiresAt, Instant paidAt,
                          Instant settledAt) {

    /** Checks the mandatory parts. */
    public Transaction {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(status, "status");
        orderItems = List.copyOf(orderItems);
    }

    /** @return what the customer pays: amount + customer fee (the API's {@code amount}, the callback's {@code total_amount}) */
    public long payableAmount() {
        return amount + fees.customer();
    }

    /** @return what the merchant receives: amount - merchant fee ({@code amount_received}) */
    public long amountReceived() {
        return amount - fees.merchant();
    }

    /**
     * @param newStatus PAID, EXPIRED or FAILED
     * @param at when
     * @return this transaction in the new status ({@code paidAt} set only for PAID)
     */
    public Transaction settle(TransactionStatus newStatus, Instant at) {
        return new Transaction(reference, merchantRef, channel, customerName, customerEmail, customerPhone,
                callbackUrl, returnUrl, amount, fees, payCode, qrString, orderItems, newStatus, createdAt, expiresAt,
                newStatus == TransactionStatus.PAID ? at : null, at);
    }
}
