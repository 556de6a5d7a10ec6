package id.webrana.cloud.domain.billing;

import id.webrana.cloud.domain.shared.Money;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A transaction opened at a payment gateway for an invoice: what the customer needs to pay (pay
 * code, QR, checkout page) and until when. An invoice may have several attempts (the customer
 * switched channels); each has its own merchant reference.
 *
 * @param status the gateway's status as last seen: UNPAID, PAID, EXPIRED, FAILED or REFUND
 */
public record PaymentAttempt(UUID id, UUID invoiceId, String gateway, String reference, String merchantRef,
                             String methodCode, String methodName, Money amount, Money customerFee, Money totalAmount,
                             String payCode, String payUrl, String checkoutUrl, String qrString, String qrUrl,
                             String status, Instant expiresAt, Instant createdAt, List<Instruction> instructions) {

    public PaymentAttempt {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(merchantRef, "merchantRef");
        Objects.requireNonNull(status, "status");
        instructions = instructions == null ? List.of() : List.copyOf(instructions);
    }

    /**
     * The reference an attempt carries from the moment it is stored until the gateway has answered:
     * {@code PENDING:<merchantRef>}.
     */
    public static final String PROVISIONAL_PREFIX = "PENDING:";

    /** Whether the gateway has opened the transaction (its reference and pay code are known). */
    public boolean isOpenedAtGateway() {
        return !reference.startsWith(PROVISIONAL_PREFIX);
    }

    /** The gateway's answer to opening the transaction. */
    public PaymentAttempt openedAt(String gatewayReference, String gatewayMethodName, Money fee, Money total,
                                   String newPayCode, String newPayUrl, String newCheckoutUrl, String newQrString,
                                   String newQrUrl, Instant newExpiresAt, List<Instruction> newInstructions) {
        return new PaymentAttempt(id, invoiceId, gateway, gatewayReference,
                merchantRef, methodCode, gatewayMethodName == null ? methodName : gatewayMethodName, amount,
                fee == null ? customerFee : fee, total == null ? totalAmount : total, newPayCode, newPayUrl,
                newCheckoutUrl, newQrString, newQrUrl, status, newExpiresAt, createdAt, newInstructions);
    }

    /** Takes the gateway's reference when only the provisional one was stored (a callback told us). */
    public PaymentAttempt adopt(String gatewayReference) {
        if (isOpenedAtGateway()) {
            return this;
        }
        return new PaymentAttempt(id, invoiceId, gateway, gatewayReference, merchantRef, methodCode, methodName,
                amount, customerFee, totalAmount, payCode, payUrl, checkoutUrl, qrString, qrUrl, status, expiresAt,
                createdAt, instructions);
    }

    public PaymentAttempt withStatus(String newStatus) {
        return new PaymentAttempt(id, invoiceId, gateway, reference, merchantRef, methodCode, methodName, amount,
                customerFee, totalAmount, payCode, payUrl, checkoutUrl, qrString, qrUrl, newStatus, expiresAt,
                createdAt, instructions);
    }

    public boolean isOpen(Instant now) {
        return "UNPAID".equals(status) && (expiresAt == null || now.isBefore(expiresAt));
    }

    /** How to pay, as the gateway words it. */
    public record Instruction(String title, List<String> steps) {
        public Instruction {
            steps = steps == null ? List.of() : List.copyOf(steps);
        }
    }
}
