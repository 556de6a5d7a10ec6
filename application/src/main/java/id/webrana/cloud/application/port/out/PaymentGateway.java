package id.webrana.cloud.application.port.out;

import id.webrana.cloud.domain.billing.PaymentChannel;
import id.webrana.cloud.domain.shared.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A payment gateway that takes money from customers for an invoice (Tripay: virtual accounts,
 * e-wallets, QRIS, convenience stores) through <em>closed</em> transactions of a fixed amount.
 *
 * <p>The core never sees the gateway's wire format: adapters translate channels, transactions and
 * callbacks into the records below. Failures surface as {@link PaymentGatewayException}: REJECTED
 * when the gateway answered and refused (an envelope with {@code success:false}), UNAVAILABLE when
 * it could not be reached or answered garbage (timeouts, 5xx, open circuit) — the caller may retry
 * those later.
 */
public interface PaymentGateway {

    /** The gateway's stable name, stored with every payment: {@code TRIPAY}. */
    String name();

    /** The channels a customer can pay with now (active ones only), with the customer's fees. */
    List<PaymentChannel> channels();

    /** Opens a closed transaction for exactly {@code request.amount()} (plus the customer's fee). */
    GatewayTransaction createTransaction(CreatePaymentRequest request);

    /** The transaction as the gateway sees it now (reconciliation after a lost callback). */
    GatewayTransaction transactionDetail(String reference);

    /**
     * The transaction opened for our {@code merchantRef}, looked up by that reference (reconciliation of a
     * create call whose answer was lost: we never learnt the gateway's reference). List views may carry
     * less than {@link #transactionDetail} (no instructions, for instance).
     *
     * @return empty when the gateway has no transaction for it
     * @throws PaymentGatewayException UNAVAILABLE when the gateway could not be asked (the answer is unknown)
     */
    Optional<GatewayTransaction> findByMerchantRef(String merchantRef);

    /**
     * Whether a callback really comes from the gateway: the signature header against an HMAC of the
     * exact raw body bytes, compared in constant time. A null or malformed header is not authentic.
     */
    boolean isAuthenticCallback(byte[] rawBody, String signatureHeader);

    /**
     * Reads an authenticated callback body.
     *
     * @throws PaymentGatewayException REJECTED when the body is not a well-formed payment callback
     */
    PaymentCallback parseCallback(byte[] rawBody);

    /** Status of a transaction at the gateway. */
    enum GatewayStatus { UNPAID, PAID, EXPIRED, FAILED, REFUND }

    /**
     * What to open at the gateway.
     *
     * @param method       channel code
     * @param merchantRef  our unique reference for this payment attempt (echoed in callbacks)
     * @param amount       exactly the invoice's total; equals the sum of the items
     * @param callbackUrl  where the gateway posts status changes, or null for the merchant default
     * @param returnUrl    where the customer comes back after paying, or null
     * @param expiresAt    when the transaction expires (absolute)
     */
    record CreatePaymentRequest(String method, String merchantRef, Money amount, String customerName,
                                String customerEmail, String customerPhone, List<Item> items, String callbackUrl,
                                String returnUrl, Instant expiresAt) {
        public CreatePaymentRequest {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(merchantRef, "merchantRef");
            Objects.requireNonNull(amount, "amount");
            items = List.copyOf(items);
            long sum = items.stream().mapToLong(i -> Math.multiplyExact(i.price(), i.quantity())).sum();
            if (sum != amount.rupiah()) {
                throw new IllegalArgumentException("items sum to " + sum + " but the amount is " + amount.rupiah());
            }
        }
    }

    /** One line of a gateway transaction; {@code price} in whole rupiah. */
    record Item(String sku, String name, long price, int quantity) {
    }

    /**
     * A transaction at the gateway.
     *
     * @param reference    the gateway's id (e.g. {@code DEV-T1234...})
     * @param merchantRef  ours
     * @param method       channel code
     * @param methodName   channel display name
     * @param amount       the invoice amount
     * @param customerFee  fee paid by the customer
     * @param totalAmount  what the customer pays: amount + customer fee
     * @param payCode      virtual account number / payment code, or null
     * @param payUrl       redirect channels' pay URL, or null
     * @param checkoutUrl  the gateway's hosted checkout page, or null
     * @param qrString     QRIS payload, or null
     * @param qrUrl        QR image URL, or null
     * @param paidAt       when it was paid, or null
     */
    record GatewayTransaction(String reference, String merchantRef, String method, String methodName, Money amount,
                              Money customerFee, Money totalAmount, String payCode, String payUrl,
                              String checkoutUrl, String qrString, String qrUrl, GatewayStatus status,
                              Instant expiresAt, Instant paidAt, List<Instruction> instructions) {
        public GatewayTransaction {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(status, "status");
            instructions = instructions == null ? List.of() : List.copyOf(instructions);
        }
    }

    /** How to pay, as the gateway words it (steps may contain simple HTML such as {@code <b>}). */
    record Instruction(String title, List<String> steps) {
        public Instruction {
            steps = steps == null ? List.of() : List.copyOf(steps);
        }
    }

    /**
     * A status change pushed by the gateway.
     *
     * @param totalAmount    what the customer paid (amount + customer fee)
     * @param amountReceived net for the merchant
     * @param closedPayment  true for a closed (fixed amount) payment
     */
    record PaymentCallback(String reference, String merchantRef, String methodCode, String methodName,
                           Money totalAmount, Money feeMerchant, Money feeCustomer, Money amountReceived,
                           boolean closedPayment, GatewayStatus status, Instant paidAt, String note) {
        public PaymentCallback {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(status, "status");
        }
    }
}
