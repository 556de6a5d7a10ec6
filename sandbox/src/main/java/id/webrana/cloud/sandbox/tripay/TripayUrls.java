package id.webrana.cloud.sandbox.tripay;

/**
 * The absolute URLs the simulator hands out (checkout page, QR image, channel icons), built on the base URL the
 * client used to reach the sandbox war, e.g. {@code http://localhost:9080/sandbox/}.
 *
 * @param sandboxBase the war's base URL, ending with {@code /}
 */
public record TripayUrls(String sandboxBase) {

    /** Adds the trailing slash if missing. */
    public TripayUrls {
        sandboxBase = sandboxBase.endsWith("/") ? sandboxBase : sandboxBase + "/";
    }

    /**
     * @param reference a transaction reference
     * @return {@code <base>tripay/checkout/<reference>}, the hosted payment page
     */
    public String checkout(String reference) {
        return sandboxBase + "tripay/checkout/" + reference;
    }

    /**
     * @param reference a QRIS transaction reference
     * @return {@code <base>tripay/qr/<reference>}, the QR code as SVG
     */
    public String qr(String reference) {
        return sandboxBase + "tripay/qr/" + reference;
    }

    /**
     * @param code a channel code
     * @return {@code <base>tripay/icons/<code>.svg}
     */
    public String icon(String code) {
        return sandboxBase + "tripay/icons/" + code + ".svg";
    }
}
