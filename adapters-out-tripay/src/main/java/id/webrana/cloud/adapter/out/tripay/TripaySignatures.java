package id.webrana.cloud.adapter.out.tripay;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tripay's HMAC-SHA256 signatures, always rendered as lowercase hex (PHP's {@code hash_hmac} default), keyed with the
 * merchant's private key as UTF-8 bytes.
 *
 * <ul>
 *   <li>Closed transaction ({@code POST transaction/create}): over
 *       {@code merchantCode + merchantRef + amount}, plain concatenation, the amount as a plain integer
 *       ({@code 1500000}, never {@code 1500000.00}).</li>
 *   <li>Open payment ({@code POST open-payment/create}, not used by the platform): over
 *       {@code merchantCode + method + merchantRef}.</li>
 *   <li>Callback ({@code X-Callback-Signature}): over the <em>exact raw request body bytes</em>. Never verify a
 *       re-serialized body: spacing, key order and PHP's {@code \/} escaping change the bytes and so the HMAC.</li>
 * </ul>
 * Verification compares in constant time ({@link MessageDigest#isEqual}) and is case-sensitive: Tripay sends
 * lowercase hex, so anything that is not exactly 64 lowercase hex digits (after trimming surrounding whitespace)
 * is not a signature. Thread-safe (a new {@link Mac} per call).
 */
public final class TripaySignatures {

    private static final String HMAC_SHA256 = "HmacSHA256";
    private static final Pattern LOWERCASE_SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final HexFormat HEX = HexFormat.of();

    private TripaySignatures() {
    }

    /** {@code signature} of {@code POST transaction/create}: HMAC of {@code merchantCode + merchantRef + amount}. */
    public static String closedTransaction(String privateKey, String merchantCode, String merchantRef, long amount) {
        Objects.requireNonNull(merchantCode, "merchantCode");
        Objects.requireNonNull(merchantRef, "merchantRef");
        return hmacSha256Hex(privateKey, (merchantCode + merchantRef + amount).getBytes(UTF_8));
    }

    /** {@code signature} of {@code POST open-payment/create}: HMAC of {@code merchantCode + method + merchantRef}. */
    public static String openPayment(String privateKey, String merchantCode, String method, String merchantRef) {
        Objects.requireNonNull(merchantCode, "merchantCode");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(merchantRef, "merchantRef");
        return hmacSha256Hex(privateKey, (merchantCode + method + merchantRef).getBytes(UTF_8));
    }

    /** The {@code X-Callback-Signature} Tripay sends with this exact raw body. */
    public static String callback(String privateKey, byte[] rawBody) {
        return hmacSha256Hex(privateKey, Objects.requireNonNull(rawBody, "rawBody"));
    }

    /**
     * Whether {@code signatureHeader} is the signature of the exact raw body, compared in constant time.
     * A null or malformed header (not 64 lowercase hex digits) or a null body gives false.
     */
    public static boolean isAuthenticCallback(String privateKey, byte[] rawBody, String signatureHeader) {
        if (rawBody == null || signatureHeader == null) {
            return false;
        }
        String received = signatureHeader.strip();
        if (!LOWERCASE_SHA256_HEX.matcher(received).matches()) {
            return false;
        }
        byte[] expected = callback(privateKey, rawBody).getBytes(US_ASCII);
        return MessageDigest.isEqual(expected, received.getBytes(US_ASCII));
    }

    /** Lowercase hex of HMAC-SHA256 over {@code message}, keyed with the UTF-8 bytes of {@code privateKey}. */
    public static String hmacSha256Hex(String privateKey, byte[] message) {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(message, "message");
        if (privateKey.isEmpty()) {
            throw new IllegalArgumentException("the private key must not be empty");
        }
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(privateKey.getBytes(UTF_8), HMAC_SHA256));
            return HEX.formatHex(mac.doFinal(message));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
