package id.webrana.cloud.adapter.out.security;

import java.security.SecureRandom;
import java.util.Objects;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategy;
import id.webrana.cloud.application.port.out.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * bcrypt ({@code $2a$}, cost 12 unless {@code BCRYPT_COST} says otherwise, e.g. 4 in tests).
 * Passwords longer than bcrypt's 72 bytes are pre-hashed with SHA-512 instead of being silently truncated.
 */
@ApplicationScoped
public class BcryptPasswordHasher implements PasswordHasher {

    public static final int DEFAULT_COST = 12;

    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2A;
    private static final LongPasswordStrategy LONG_PASSWORDS = LongPasswordStrategies.hashSha512(VERSION);
    private static final SecureRandom RANDOM = new SecureRandom();

    private int cost;
    /** Verified against when the user is unknown, so both paths cost one bcrypt run. */
    private String dummyHash;

    /** For CDI's client proxy only. */
    protected BcryptPasswordHasher() {
    }

    @Inject
    public BcryptPasswordHasher(@ConfigProperty(name = "BCRYPT_COST", defaultValue = "12") int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("BCRYPT_COST must be between 4 and 31, was " + cost);
        }
        this.cost = cost;
        this.dummyHash = hash("webrana-dummy-password".toCharArray());
    }

    @Override
    public String hash(char[] plainPassword) {
        Objects.requireNonNull(plainPassword, "plainPassword");
        return BCrypt.with(VERSION, RANDOM, LONG_PASSWORDS).hashToString(cost, plainPassword);
    }

    @Override
    public boolean matches(char[] plainPassword, String hash) {
        char[] password = plainPassword == null ? new char[0] : plainPassword;
        if (hash == null || hash.isBlank()) {
            verify(password, dummyHash);
            return false;
        }
        return verify(password, hash);
    }

    private static boolean verify(char[] password, String hash) {
        // version null: accept $2a$, $2b$ and $2y$ hashes alike (the cost comes from the hash)
        BCrypt.Result result = BCrypt.verifyer(null, LONG_PASSWORDS).verify(password, hash);
        return result.validFormat && result.verified;
    }
}
