package id.webrana.cloud.domain.billing;

import java.util.Objects;

/**
 * How an invoice was paid.
 *
 * @param gateway   TRIPAY, WALLET or MANUAL (an admin's approval)
 * @param code      the channel code (e.g. BRIVA), WALLET, or MANUAL
 * @param name      what the customer reads, e.g. "BRI Virtual Account"
 * @param reference the gateway's reference (unique per gateway), a wallet entry id, or the approving admin
 */
public record PaymentMethod(String gateway, String code, String name, String reference) {

    public static final String WALLET = "WALLET";
    public static final String MANUAL = "MANUAL";

    public PaymentMethod {
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reference, "reference");
    }
}
