package id.webrana.cloud.application.port.out;

import id.webrana.cloud.domain.account.OneTimeToken;

import java.util.Optional;

/** Stores email-verification and password-reset tokens by hash. */
public interface OneTimeTokenRepository {
    Optional<OneTimeToken> findByHashForUpdate(String tokenHash);

    void save(OneTimeToken token);

    /** Marks every unused token of the user for that purpose used: older links stop working. */
    void invalidateAll(java.util.UUID userId, OneTimeToken.Purpose purpose, java.time.Instant now);
}
