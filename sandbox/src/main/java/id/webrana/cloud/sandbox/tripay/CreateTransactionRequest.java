package id.webrana.cloud.sandbox.tripay;

import java.util.List;

/**
 * The body of {@code POST transaction/create} (closed payment), parsed but not yet validated: any field may be
 * {@code null} when it was absent.
 *
 * @param method the channel code
 * @param merchantRef the merchant's reference
 * @param amount the amount in rupiah
 * @param customerName the customer's name
 * @param customerEmail the customer's e-mail address
 * @param customerPhone the customer's phone number
 * @param orderItems the items; never {@code null}
 * @param callbackUrl the per-transaction callback URL
 * @param returnUrl where the customer goes back after paying
 * @param expiredTime the expiry as unix seconds
 * @param signature the HMAC signature
 */
public record CreateTransactionRequest(String method, String merchantRef, Long amount, String customerName,
                                       String customerEmail, String customerPhone, List<OrderItem> orderItems,
                                       String callbackUrl, String returnUrl, Long expiredTime, String signature) {

    /** Normalises {@code orderItems}. */
    public CreateTransactionRequest {
        orderItems = orderItems == null ? List.of() : List.copyOf(orderItems);
    }
}
