package id.webrana.cloud.domain.provisioning;

import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A root password on its way to the people and machines that need it, kept no longer than that.
 *
 * <p>{@code INITIAL}: set at creation through cloud-init (as a hash); the owner sees it once
 * ({@link #reveal}) and it is wiped. {@code RESET}: chosen by the platform for a password reset, shown
 * to the owner in the answer to the reset, and kept only until the agent on the server fetched it
 * ({@link #deliver}); then wiped.
 */
public final class ServerCredential {

    public enum Kind { INITIAL, RESET }

    private final UUID id;
    private final UUID instanceId;
    private final Kind kind;
    private final UUID actionId;
    private String secret;
    private final Instant createdAt;
    private Instant revealedAt;
    private Instant deliveredAt;

    public ServerCredential(UUID id, UUID instanceId, Kind kind, UUID actionId, String secret, Instant createdAt,
                            Instant revealedAt, Instant deliveredAt) {
        this.id = Objects.requireNonNull(id);
        this.instanceId = Objects.requireNonNull(instanceId);
        this.kind = Objects.requireNonNull(kind);
        this.actionId = actionId;
        this.secret = secret;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.revealedAt = revealedAt;
        this.deliveredAt = deliveredAt;
    }

    /** The password cloud-init set at creation, not shown yet. */
    public static ServerCredential initial(UUID instanceId, String password, Instant now) {
        return new ServerCredential(UUID.randomUUID(), instanceId, Kind.INITIAL, null, password, now, null, now);
    }

    /** A new password for the agent to apply; the owner has just been shown it. */
    public static ServerCredential reset(UUID instanceId, UUID actionId, String password, Instant now) {
        return new ServerCredential(UUID.randomUUID(), instanceId, Kind.RESET, actionId, password, now, now, null);
    }

    /** Shows the password once; a second time it is gone ({@code PASSWORD_ALREADY_SHOWN}). */
    public String reveal(Instant now) {
        if (revealedAt != null || secret == null) {
            throw new DomainException(ErrorCode.PASSWORD_ALREADY_SHOWN,
                    "The root password was shown once already and is not kept; use reset_password for a new one");
        }
        String shown = secret;
        revealedAt = now;
        wipeIfDone();
        return shown;
    }

    /** Hands the password to the server's agent once. */
    public String deliver(Instant now) {
        if (deliveredAt != null || secret == null) {
            throw new IllegalStateException("credential " + id + " was delivered already");
        }
        String delivered = secret;
        deliveredAt = now;
        wipeIfDone();
        return delivered;
    }

    /** Given up (the agent never came): forget the password. */
    public void discard() {
        secret = null;
    }

    private void wipeIfDone() {
        if (revealedAt != null && deliveredAt != null) {
            secret = null;
        }
    }

    public boolean isPendingDelivery() {
        return deliveredAt == null && secret != null;
    }

    public UUID id() { return id; }
    public UUID instanceId() { return instanceId; }
    public Kind kind() { return kind; }
    public UUID actionId() { return actionId; }
    public String secret() { return secret; }
    public Instant createdAt() { return createdAt; }
    public Instant revealedAt() { return revealedAt; }
    public Instant deliveredAt() { return deliveredAt; }
}
