package id.webrana.cloud.domain.billing;

import java.util.Objects;

/**
 * One line of an invoice. Discounts are lines with a negative unit price, so the lines always add
 * up to the subtotal shown to the customer.
 *
 * @param unitPrice whole rupiah, negative for a discount
 */
public record InvoiceLine(String description, long unitPrice, int quantity) {

    public InvoiceLine {
        Objects.requireNonNull(description, "description");
        if (description.isBlank() || description.length() > 200) {
            throw new IllegalArgumentException("an invoice line needs a description of at most 200 characters");
        }
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1");
        }
    }

    public long amount() {
        return Math.multiplyExact(unitPrice, (long) quantity);
    }
}
