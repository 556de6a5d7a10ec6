package id.webrana.cloud.sandbox.tripay;

/** Who bears a channel's fee: a per-channel setting of the merchant in Tripay's dashboard. */
public enum FeePayer {
    /** The fee is deducted from what the merchant receives ({@code fee_merchant}). */
    MERCHANT,
    /** The fee is added to what the customer pays ({@code fee_customer}). */
    CUSTOMER
}
