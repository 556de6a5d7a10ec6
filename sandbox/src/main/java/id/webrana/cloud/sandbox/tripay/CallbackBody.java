package id.webrana.cloud.sandbox.tripay;

import java.nio.charset.StandardCharsets;

/**
 * The body of Tripay's {@code payment_status} callback for a transaction, with the fields in the documented order
 * and PHP's compact encoding (see {@link PhpJson}):
 * {@code reference, merchant_ref, payment_method (channel name), payment_method_code, total_amount (amount +
 * customer fee), fee_merchant, fee_customer, total_fee, amount_received, is_closed_payment (1), status, paid_at (unix
 * seconds or null), note (null)}.
 */
public final class CallbackBody {

    private CallbackBody() {
    }

    /**
     * @param t a transaction that left UNPAID
     * @return the exact body bytes (UTF-8, ASCII only in practice)
     */
    public static byte[] of(Transaction t) {
        String json = PhpJson.object()
                .put("reference", t.reference())
                .put("merchant_ref", t.merchantRef())
                .put("payment_method", t.channel().name())
                .put("payment_method_code", t.channel().code())
                .put("total_amount", t.payableAmount())
                .put("fee_merchant", t.fees().merchant())
                .put("fee_customer", t.fees().customer())
                .put("total_fee", t.fees().total())
                .put("amount_received", t.amountReceived())
                .put("is_closed_payment", 1L)
                .put("status", t.status().name())
                .put("paid_at", t.paidAt() == null ? null : t.paidAt().getEpochSecond())
                .put("note", (String) null)
                .build();
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
