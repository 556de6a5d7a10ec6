package id.webrana.cloud.application.port.in;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** UC: sign in with a password, keep the session with rotating refresh tokens, sign out. */
public interface AuthenticationUseCase {

    TokenPair login(LoginCommand command);

    /**
     * Checks a password for a session-based sign-in (the web portal), issuing no tokens.
     *
     * @throws id.webrana.cloud.domain.shared.DomainException INVALID_CREDENTIALS or ACCOUNT_DISABLED
     */
    SignedInUser verifyCredentials(LoginCommand command);

    /** Rotates the refresh token; a replayed one revokes its whole family. */
    TokenPair refresh(String refreshToken);

    /** Revokes the refresh token's family; an unknown token is ignored. */
    void logout(String refreshToken);

    record LoginCommand(String email, char[] password) {
    }

    /** @param roles lower-case group names, e.g. {@code customer}, {@code admin} */
    record SignedInUser(UUID userId, String email, String fullName, Set<String> roles) {
    }

    record TokenPair(String accessToken, Instant accessTokenExpiresAt, String refreshToken,
                     Instant refreshTokenExpiresAt, UUID userId, Set<String> roles) {
    }
}
