package id.webrana.cloud.application.port.out;

/** One-way password hashing (bcrypt cost 12 in production). */
public interface PasswordHasher {

    String hash(char[] plainPassword);

    /**
     * Checks a password. With a null {@code hash} (unknown user) it still spends the same time
     * against a dummy hash and returns false, so timing does not reveal which emails exist.
     */
    boolean matches(char[] plainPassword, String hash);
}
