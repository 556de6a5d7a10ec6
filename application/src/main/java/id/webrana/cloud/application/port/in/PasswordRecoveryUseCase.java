package id.webrana.cloud.application.port.in;

/** UC: forgot password (mails a one-time link), reset it, verify an email address. */
public interface PasswordRecoveryUseCase {

    /** Always succeeds, whether or not the email exists, so that accounts cannot be probed. */
    void requestPasswordReset(String email);

    /** Sets a new password and signs the user out everywhere. */
    void resetPassword(String token, char[] newPassword);

    void verifyEmail(String token);
}
