package id.webrana.cloud.application.port.out;

import id.webrana.cloud.domain.account.EmailAddress;
import id.webrana.cloud.domain.account.Role;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;

import java.util.Optional;
import java.util.UUID;

/** Stores users. Email addresses are unique. */
public interface UserRepository {
    Optional<User> findById(UUID id);

    Optional<User> findByEmail(EmailAddress email);

    /** Inserts or updates; refuses a stale version with {@code CONCURRENT_MODIFICATION}. */
    void save(User user);

    /** Operators' search, newest accounts first; every criterion optional. */
    Page<User> search(UserSearch criteria, PageRequest page);

    /**
     * @param text    matches the email, the name, the phone or the user id (case-insensitive, part of it)
     * @param role    users holding this role
     * @param enabled only enabled (true) or only disabled (false) accounts
     */
    record UserSearch(String text, Role role, Boolean enabled) {
    }
}
