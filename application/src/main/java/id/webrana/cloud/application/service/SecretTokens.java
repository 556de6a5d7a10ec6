package id.webrana.cloud.application.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random secrets handed to users, and the hashes under which they are stored. */
final class SecretTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretTokens() {
    }

    /** 256 random bits, URL-safe. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "-_.+=@%";

    /**
     * A strong root password: 20 characters (about 118 bits) with lower and upper case letters, digits
     * and symbols, from an alphabet that needs no quoting in JSON, YAML or a shell, and without look-alikes
     * (l, 1, O, 0).
     */
    static String newServerPassword() {
        String all = LOWER + UPPER + DIGITS + SYMBOLS;
        char[] pw = new char[20];
        pw[0] = LOWER.charAt(RANDOM.nextInt(LOWER.length()));
        pw[1] = UPPER.charAt(RANDOM.nextInt(UPPER.length()));
        pw[2] = DIGITS.charAt(RANDOM.nextInt(DIGITS.length()));
        pw[3] = SYMBOLS.charAt(RANDOM.nextInt(SYMBOLS.length()));
        for (int i = 4; i < pw.length; i++) {
            pw[i] = all.charAt(RANDOM.nextInt(all.length()));
        }
        for (int i = pw.length - 1; i > 0; i--) { // shuffle, so the classes are not at fixed places
            int j = RANDOM.nextInt(i + 1);
            char t = pw[i];
            pw[i] = pw[j];
            pw[j] = t;
        }
        return new String(pw);
    }

    /** SHA-256 hex: the secret itself is never stored. */
    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
