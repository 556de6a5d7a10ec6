package id.webrana.cloud.domain.account;

import id.webrana.cloud.domain.shared.Actor;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One line of an account's audit trail: who did what to the account, when, and why.
 *
 * @param userId the account concerned
 * @param actor  who did it (an admin, the user themselves, an integration)
 * @param detail what changed or why, in words (the reason an operator gave, the roles before and after); may be null
 */
public record UserAuditEvent(UUID id, UUID userId, Type type, Actor actor, String detail, Instant at) {

    /** What happened to the account. */
    public enum Type {
        /** An operator disabled the account: no sign-in, sessions ended. */
        DISABLED,
        /** An operator enabled the account again. */
        ENABLED,
        /** A super admin changed the account's roles. */
        ROLES_CHANGED,
        /** The user changed their password (other sessions ended). */
        PASSWORD_CHANGED,
        /** The user ended all their sessions. */
        SIGNED_OUT_EVERYWHERE,
        /** The user changed their name or phone. */
        PROFILE_UPDATED
    }

    public UserAuditEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        detail = detail == null || detail.isBlank() ? null : detail.strip();
    }

    /** A new event about {@code userId}, now. */
    public static UserAuditEvent of(UUID userId, Type type, Actor actor, String detail, Instant now) {
        return new UserAuditEvent(UUID.randomUUID(), userId, type, actor, detail, now);
    }
}
