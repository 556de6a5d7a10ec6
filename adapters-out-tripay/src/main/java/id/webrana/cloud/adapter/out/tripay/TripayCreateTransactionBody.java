package id.webrana.cloud.adapter.out.tripay;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * The JSON body of {@code POST transaction/create} (closed payment), serialized with JSON-B. Null fields are left
 * out. Amounts and prices are whole rupiah; {@code expired_time} is an absolute unix timestamp in seconds.
 *
 * @param signature HMAC of {@code merchant_code + merchant_ref + amount}, see
 *                  {@link TripaySignatures#closedTransaction}
 */
public record TripayCreateTransactionBody(
        String method,
        @JsonbProperty("merchant_ref") String merchantRef,
        long amount,
        @JsonbProperty("customer_name") String customerName,
        @JsonbProperty("customer_email") String customerEmail,
        @JsonbProperty("customer_phone") String customerPhone,
        @JsonbProperty("order_items") List<OrderItem> orderItems,
        @JsonbProperty("callback_url") String callbackUrl,
        @JsonbProperty("return_url") String returnUrl,
        @JsonbProperty("expired_time") Long expiredTime,
        String signature) {

    /** One {@code order_items[]} entry; {@code price} in whole rupiah. */
    public record OrderItem(String sku, String name, long price, int quantity) {
    }
}
