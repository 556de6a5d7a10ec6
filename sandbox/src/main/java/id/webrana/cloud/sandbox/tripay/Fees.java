package id.webrana.cloud.sandbox.tripay;

/**
 * The fee of one transaction, split between merchant and customer (whole rupiah).
 *
 * @param merchant the part deducted from the merchant's proceeds ({@code fee_merchant})
 * @param customer the part added to the customer's bill ({@code fee_customer})
 */
public record Fees(long merchant, long customer) {

    /** @return {@code total_fee} */
    public long total() {
        return merchant + customer;
    }
}
