package id.webrana.cloud.sandbox.tripay;

import java.util.Objects;

/**
 * One line of {@code order_items}.
 *
 * @param sku the merchant's SKU, or {@code null}
 * @param name the item name
 * @param price the unit price in rupiah
 * @param quantity how many
 * @param productUrl a product page, or {@code null}
 * @param imageUrl a product image, or {@code null}
 */
public record OrderItem(String sku, String name, long price, long quantity, String productUrl, String imageUrl) {

    /** Checks the mandatory parts. */
    public OrderItem {
        Objects.requireNonNull(name, "name");
    }

    /** @return {@code price * quantity} */
    public long subtotal() {
        return Math.multiplyExact(price, quantity);
    }
}
