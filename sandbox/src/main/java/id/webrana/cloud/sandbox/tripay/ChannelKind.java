package id.webrana.cloud.sandbox.tripay;

/** How a channel is paid, which decides what a transaction carries (pay code, QR payload or pay URL). */
public enum ChannelKind {
    /** Bank virtual account: a VA number as {@code pay_code}. */
    VIRTUAL_ACCOUNT("Virtual Account"),
    /** Convenience store: a payment code for the cashier as {@code pay_code}. */
    CONVENIENCE_STORE("Convenience Store"),
    /** QRIS: {@code qr_string} and {@code qr_url}, no pay code (Tripay lists QRIS in the E-Wallet group). */
    QRIS("E-Wallet"),
    /** Redirect e-wallet: the customer pays on {@code pay_url} / {@code checkout_url}. */
    EWALLET("E-Wallet");

    private final String group;

    ChannelKind(String group) {
        this.group = group;
    }

    /** @return the {@code group} Tripay shows for channels of this kind */
    public String group() {
        return group;
    }
}
