package id.webrana.cloud.domain.account;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One refresh token (stored as a hash only). Tokens descending from one login form a family;
 * each use rotates the token. Presenting an already-rotated or revoked token is treated as theft:
 * the whole family is revoked, which logs the thief and the victim out.
 */
public final class RefreshToken {

    private final UUID id;
    private final UUID userId;
    private final UUID familyId;
    private final String tokenHash;
    private final Instant issuedAt;
    private final Instant expiresAt;
    private Instant rotatedAt;
    private Instant revokedAt;

    public RefreshToken(UUID id, UUID userId, UUID familyId, String tokenHash, Instant issuedAt, Instant expiresAt,
                        Instant rotatedAt, Instant revokedAt) {
        this.id = Objects.requireNonNull(id);
        this.userId = Objects.requireNonNull(userId);
        this.familyId = Objects.requireNonNull(familyId);
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.issuedAt = Objects.requireNonNull(issuedAt);
        this.expiresAt = Objects.requireNonNull(expiresAt);
        this.rotatedAt = rotatedAt;
        this.revokedAt = revokedAt;
    }

    public static RefreshToken issue(UUID userId, UUID familyId, String tokenHash, Instant now, Instant expiresAt) {
        return new RefreshToken(UUID.randomUUID(), userId, familyId, tokenHash, now, expiresAt, null, null);
    }

    /** Was it used or revoked before? Then this presentation is a replay. */
    public boolean isSpent() {
        return rotatedAt != null || revokedAt != null;
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public void markRotated(Instant now) {
        rotatedAt = now;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public UUID id() { return id; }
    public UUID userId() { return userId; }
    public UUID familyId() { return familyId; }
    public String tokenHash() { return tokenHash; }
    public Instant issuedAt() { return issuedAt; }
    public Instant expiresAt() { return expiresAt; }
    public Instant rotatedAt() { return rotatedAt; }
    public Instant revokedAt() { return revokedAt; }
}
