package id.webrana.cloud.application.port.in;

/** UC (start-up): make sure the first operator account exists. */
public interface EnsureAdminUseCase {

    /** Creates a verified super_admin with this email unless a user with it exists; true if created. */
    boolean ensureAdmin(String email, char[] password, String fullName);
}
