package id.webrana.cloud.adapter.out.digitalocean;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The MD5 fingerprint DigitalOcean uses to name an SSH key ({@code aa:bb:...}, 16 bytes), computed from an OpenSSH
 * public key line ({@code ssh-ed25519 AAAA... comment}).
 */
final class SshKeyFingerprint {

    private SshKeyFingerprint() {
    }

    /**
     * @throws IllegalArgumentException when the text is not an OpenSSH public key line
     */
    static String md5(String openSshPublicKey) {
        if (openSshPublicKey == null) {
            throw new IllegalArgumentException("no SSH public key");
        }
        String[] parts = openSshPublicKey.trim().split("\\s+");
        if (parts.length < 2) {
            throw new IllegalArgumentException("an SSH public key has the form '<type> <base64> [comment]'");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the SSH public key's body is not Base64", e);
        }
        if (blob.length < 4) {
            throw new IllegalArgumentException("the SSH public key's body is too short");
        }
        int typeLength = ((blob[0] & 0xff) << 24) | ((blob[1] & 0xff) << 16) | ((blob[2] & 0xff) << 8) | (blob[3] & 0xff);
        if (typeLength <= 0 || typeLength > blob.length - 4
                || !parts[0].equals(new String(blob, 4, typeLength, StandardCharsets.US_ASCII))) {
            throw new IllegalArgumentException("the SSH public key's body does not match its type " + parts[0]);
        }
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(blob);
            return HexFormat.ofDelimiter(":").formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
    }
}
