package id.webrana.cloud.adapter.out.security;

import id.webrana.cloud.application.port.out.ServerPasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.commons.codec.digest.Sha2Crypt;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * SHA-512 crypt ({@code $6$}, glibc's default, 5 000 rounds) with a 16-character random salt: the form
 * {@code /etc/shadow} and cloud-init's {@code chpasswd} ({@code type: hash}) accept on every Linux image
 * the catalogue offers.
 */
@ApplicationScoped
public class Sha512CryptServerPasswordHasher implements ServerPasswordHasher {

    private static final String SALT_ALPHABET = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public String sha512Crypt(String password) {
        StringBuilder salt = new StringBuilder("$6$");
        for (int i = 0; i < 16; i++) {
            salt.append(SALT_ALPHABET.charAt(RANDOM.nextInt(SALT_ALPHABET.length())));
        }
        return withSalt(password, salt.toString());
    }

    /** @param salt {@code $6$<salt>} */
    static String withSalt(String password, String salt) {
        return Sha2Crypt.sha512Crypt(password.getBytes(StandardCharsets.UTF_8), salt);
    }
}
