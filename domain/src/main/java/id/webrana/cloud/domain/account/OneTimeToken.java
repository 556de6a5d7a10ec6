package id.webrana.cloud.domain.account;

import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A single-use secret mailed to a user: email verification or password reset (stored hashed). */
public final class OneTimeToken {

    public enum Purpose { EMAIL_VERIFICATION, PASSWORD_RESET }

    private final UUID id;
    private final UUID userId;
    private final Purpose purpose;
    private final String tokenHash;
    private final Instant expiresAt;
    private Instant usedAt;

    public OneTimeToken(UUID id, UUID userId, Purpose purpose, String tokenHash, Instant expiresAt, Instant usedAt) {
        this.id = Objects.requireNonNull(id);
        this.userId = Objects.requireNonNull(userId);
        this.purpose = Objects.requireNonNull(purpose);
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.expiresAt = Objects.requireNonNull(expiresAt);
        this.usedAt = usedAt;
    }

    public static OneTimeToken issue(UUID userId, Purpose purpose, String tokenHash, Instant expiresAt) {
        return new OneTimeToken(UUID.randomUUID(), userId, purpose, tokenHash, expiresAt, null);
    }

    /** Could this token be used now for {@code expected}? */
    public boolean isUsableFor(Purpose expected, Instant now) {
        return purpose == expected && usedAt == null && now.isBefore(expiresAt);
    }

    /** Uses the token up; refuses a used, expired or wrong-purpose one. */
    public void consume(Purpose expected, Instant now) {
        if (purpose != expected || usedAt != null || !now.isBefore(expiresAt)) {
            throw new DomainException(ErrorCode.INVALID_TOKEN, "This link is invalid or has expired");
        }
        usedAt = now;
    }

    public UUID id() { return id; }
    public UUID userId() { return userId; }
    public Purpose purpose() { return purpose; }
    public String tokenHash() { return tokenHash; }
    public Instant expiresAt() { return expiresAt; }
    public Instant usedAt() { return usedAt; }
}
