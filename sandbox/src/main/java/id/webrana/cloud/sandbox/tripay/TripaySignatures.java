package id.webrana.cloud.sandbox.tripay;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tripay's HMAC-SHA256 signatures, as lowercase hex (PHP {@code hash_hmac}):
 * <ul>
 *   <li>closed transaction: {@code HMAC(privateKey, merchantCode + merchantRef + amount)}, plain concatenation,
 *       amount as a plain integer;</li>
 *   <li>callback: {@code HMAC(privateKey, exact raw body bytes)} in the {@code X-Callback-Signature} header.</li>
 * </ul>
 */
public final class TripaySignatures {

    private TripaySignatures() {
    }

    /**
     * @param key the private key (UTF-8)
     * @param message the bytes to sign
     * @return lowercase hex HMAC-SHA256
     */
    public static String hmacSha256Hex(String key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * @param credentials the merchant credentials
     * @param merchantRef the merchant's reference
     * @param amount the amount in rupiah
     * @return the signature {@code POST transaction/create} must carry
     */
    public static String transaction(TripayCredentials credentials, String merchantRef, long amount) {
        String message = credentials.merchantCode() + merchantRef + amount;
        return hmacSha256Hex(credentials.privateKey(), message.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param privateKey the private key
     * @param rawBody the exact bytes of the callback body
     * @return the {@code X-Callback-Signature} value
     */
    public static String callback(String privateKey, byte[] rawBody) {
        return hmacSha256Hex(privateKey, rawBody);
    }

    /**
     * Compares in constant time and case-sensitively, like PHP {@code hash_equals}: an uppercase hex signature
     * does not match.
     *
     * @param expected the signature computed here
     * @param given the signature received, possibly {@code null}
     * @return whether they are equal
     */
    public static boolean matches(String expected, String given) {
        if (given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
