package id.webrana.cloud.sandbox.tripay;

import java.util.Objects;

/**
 * The merchant's sandbox credentials: the merchant code and private key enter the signatures, the API key the
 * {@code Authorization: Bearer} header. The defaults are the ones the application's Tripay adapter uses when it is
 * pointed at this simulator without configuration.
 *
 * @param merchantCode the merchant code, e.g. {@code T-SANDBOX}
 * @param apiKey the API key expected after {@code Bearer }
 * @param privateKey the HMAC key of the transaction and callback signatures
 */
public record TripayCredentials(String merchantCode, String apiKey, String privateKey) {

    /** Default merchant code. */
    public static final String DEFAULT_MERCHANT_CODE = "T-SANDBOX";
    /** Default API key. */
    public static final String DEFAULT_API_KEY = "DEV-webrana-sandbox";
    /** Default private key. */
    public static final String DEFAULT_PRIVATE_KEY = "webrana-sandbox-private-key";

    /** Rejects blank values. */
    public TripayCredentials {
        requireText(merchantCode, "merchantCode");
        requireText(apiKey, "apiKey");
        requireText(privateKey, "privateKey");
    }

    /** @return the default sandbox credentials */
    public static TripayCredentials defaults() {
        return new TripayCredentials(DEFAULT_MERCHANT_CODE, DEFAULT_API_KEY, DEFAULT_PRIVATE_KEY);
    }

    @Override
    public String toString() {
        return "TripayCredentials[merchantCode=" + merchantCode + ", apiKey=***, privateKey=***]";
    }

    private static void requireText(String value, String name) {
        if (Objects.requireNonNull(value, name).isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
