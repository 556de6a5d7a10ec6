package id.webrana.cloud.application.port.out;

import id.webrana.cloud.domain.account.EmailAddress;
import id.webrana.cloud.domain.account.User;

import java.util.Optional;
import java.util.UUID;

/** Stores users. Email addresses are unique. */
public interface UserRepository {
    Optional<User> findById(UUID id);

    Optional<User> findByEmail(EmailAddress email);

    /** Inserts or updates; refuses a stale version with {@code CONCURRENT_MODIFICATION}. */
    void save(User user);
}
