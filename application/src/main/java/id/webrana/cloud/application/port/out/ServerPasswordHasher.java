package id.webrana.cloud.application.port.out;

/**
 * Hashes a root password the way Linux {@code /etc/shadow} and cloud-init's {@code chpasswd} expect,
 * so the password itself never travels in the server's user data.
 */
public interface ServerPasswordHasher {

    /** A SHA-512 crypt hash ({@code $6$<salt>$...}) with a fresh random salt. */
    String sha512Crypt(String password);
}
