package id.webrana.cloud.application.port.in;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** UC: a signed-in user keeps their own account: name, phone, password, and signing out everywhere. */
public interface ProfileUseCase {

    Profile getProfile(UUID userId);

    /** Changes the name and phone (phone optional, Indonesian formats normalised to +62...). */
    Profile updateProfile(UpdateProfileCommand command);

    /**
     * Changes the password after checking the current one; every other session and refresh token of the
     * user ends (the caller's web session is renewed by the web adapter).
     */
    void changePassword(ChangePasswordCommand command);

    /** Ends every session of the user: refresh tokens revoked, web sessions refused from now on. */
    void signOutEverywhere(UUID userId);

    /**
     * Whether a web session that signed in at {@code signedInAt} may still be used (false after a password
     * change or "sign out everywhere" later than that, or when the account is disabled).
     */
    boolean isSessionStillValid(UUID userId, Instant signedInAt);

    record UpdateProfileCommand(UUID userId, String fullName, String phone) {
    }

    record ChangePasswordCommand(UUID userId, char[] currentPassword, char[] newPassword) {
    }

    record Profile(UUID userId, String email, String fullName, String phone, boolean emailVerified,
                   Set<String> roles, Instant createdAt) {
    }
}
