package id.webrana.cloud.application.port.out;

import id.webrana.cloud.domain.account.RefreshToken;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Stores refresh tokens by the hash of their secret. */
public interface RefreshTokenRepository {
    /** Finds a token and locks it for the running transaction, so one token rotates once. */
    Optional<RefreshToken> findByHashForUpdate(String tokenHash);

    void save(RefreshToken token);

    void revokeFamily(UUID familyId, Instant now);

    /** Revokes every live token of the user: signs them out on every device. */
    void revokeAllOfUser(UUID userId, Instant now);
}
