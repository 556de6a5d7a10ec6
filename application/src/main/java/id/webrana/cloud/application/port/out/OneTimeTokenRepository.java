package id.webrana.cloud.application.port.out;

import id.webrana.cloud.domain.account.OneTimeToken;

import java.util.Optional;

/** Stores email-verification and password-reset tokens by hash. */
public interface OneTimeTokenRepository {
    Optional<OneTimeToken> findByHashForUpdate(String tokenHash);

    void save(OneTimeToken token);
}
