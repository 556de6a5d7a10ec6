package id.webrana.cloud.domain.provisioning;

import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.BillingPeriod;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.Money;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer's server and its paid life: which provider holds it and how to reach it, until when
 * it is paid ({@link #expiresAt()}), whether it renews itself from the wallet, and where it stands.
 *
 * <pre>
 * ACTIVE ──(unpaid past grace / operator)──▶ SUSPENDED ──(renewal paid / operator)──▶ ACTIVE
 *    │                                           │
 *    └──────────────(operator)───────────────────┴──(retention over / operator)──▶ TERMINATED
 * </pre>
 *
 * <p>Every change goes through an intent-revealing method that checks it is legal and returns the
 * {@link InstanceEvent} to append to the instance's history (the audit trail). A suspension
 * remembers why ({@link Suspension}): only a suspension for non-payment is lifted by a payment
 * and ends in termination by itself; an operator's suspension waits for an operator.
 *
 * <p>{@link #nextLifecycleAt()} is when the lifecycle scheduler must look at the instance again;
 * every change that can make a step due at once (a renewal, a suspension) sets it to now.
 */
public final class Instance {

    /** Lifecycle state (the power state is the provider's and is read fresh from it). */
    public enum Status { ACTIVE, SUSPENDED, TERMINATED }

    /** Why an instance is suspended. */
    public enum Suspension { NON_PAYMENT, OPERATOR }

    private final UUID id;
    private final UUID orderId;
    private final UUID userId;
    private final String provider;
    private final String providerServerId;
    private final String hostname;
    private final String region;
    private final String sizeSlug;
    private final String imageSlug;
    private final String ipv4;
    private final String ipv6;
    private Status status;
    private final Instant providerCreatedAt;
    private final Instant createdAt;
    private Instant expiresAt;
    private final BillingPeriod period;
    private final Money renewalPrice;
    private boolean autoRenew;
    private Suspension suspension;
    private Instant suspendedAt;
    private Instant terminatedAt;
    private String statusReason;
    private Instant nextLifecycleAt;
    private String agentTokenHash;
    private String agentTokenPendingHash;
    private boolean agentTokenRotated;
    private final long version;

    /** Rebuilds an instance from storage; use {@link #launched} for a new one. */
    public Instance(UUID id, UUID orderId, UUID userId, String provider, String providerServerId, String hostname,
                    String region, String sizeSlug, String imageSlug, String ipv4, String ipv6, Status status,
                    Instant providerCreatedAt, Instant createdAt, Instant expiresAt, BillingPeriod period,
                    Money renewalPrice, boolean autoRenew, Suspension suspension, Instant suspendedAt,
                    Instant terminatedAt, String statusReason, Instant nextLifecycleAt, String agentTokenHash,
                    long version) {
        this(id, orderId, userId, provider, providerServerId, hostname, region, sizeSlug, imageSlug, ipv4, ipv6, status,
                providerCreatedAt, createdAt, expiresAt, period, renewalPrice, autoRenew, suspension, suspendedAt,
                terminatedAt, statusReason, nextLifecycleAt, agentTokenHash, null, false, version);
    }

    /**
     * Rebuilds an instance from storage with the state of its agent's secret.
     *
     * @param agentTokenHash        SHA-256 of the agent's current secret (at first the one in the user data)
     * @param agentTokenPendingHash SHA-256 of a secret handed out by {@link #rotateAgentToken} and not used yet
     * @param agentTokenRotated     the agent has replaced the secret of the user data with its own
     */
    public Instance(UUID id, UUID orderId, UUID userId, String provider, String providerServerId, String hostname,
                    String region, String sizeSlug, String imageSlug, String ipv4, String ipv6, Status status,
                    Instant providerCreatedAt, Instant createdAt, Instant expiresAt, BillingPeriod period,
                    Money renewalPrice, boolean autoRenew, Suspension suspension, Instant suspendedAt,
                    Instant terminatedAt, String statusReason, Instant nextLifecycleAt, String agentTokenHash,
                    String agentTokenPendingHash, boolean agentTokenRotated, long version) {
        this.id = Objects.requireNonNull(id);
        this.orderId = Objects.requireNonNull(orderId);
        this.userId = Objects.requireNonNull(userId);
        this.provider = Objects.requireNonNull(provider);
        this.providerServerId = Objects.requireNonNull(providerServerId);
        this.hostname = hostname;
        this.region = region;
        this.sizeSlug = sizeSlug;
        this.imageSlug = imageSlug;
        this.ipv4 = ipv4;
        this.ipv6 = ipv6;
        this.status = Objects.requireNonNull(status);
        this.providerCreatedAt = providerCreatedAt;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.period = Objects.requireNonNull(period, "period");
        this.renewalPrice = Objects.requireNonNull(renewalPrice, "renewalPrice");
        this.autoRenew = autoRenew;
        this.suspension = suspension;
        this.suspendedAt = suspendedAt;
        this.terminatedAt = terminatedAt;
        this.statusReason = statusReason;
        this.nextLifecycleAt = nextLifecycleAt;
        this.agentTokenHash = agentTokenHash;
        this.agentTokenPendingHash = agentTokenPendingHash;
        this.agentTokenRotated = agentTokenRotated;
        this.version = version;
    }

    /**
     * A server that has just become ready: paid for one {@code period} from {@code now}, renewing at
     * {@code renewalPrice}, auto-renew off until the customer turns it on.
     */
    public static Instance launched(UUID orderId, UUID userId, String provider, String providerServerId,
                                    String hostname, String region, String sizeSlug, String imageSlug, String ipv4,
                                    String ipv6, Instant providerCreatedAt, Instant now, BillingPeriod period,
                                    Money renewalPrice, String agentTokenHash) {
        return new Instance(UUID.randomUUID(), orderId, userId, provider, providerServerId, hostname, region,
                sizeSlug, imageSlug, ipv4, ipv6, Status.ACTIVE, providerCreatedAt, now, period.addTo(now), period,
                renewalPrice, false, null, null, null, null, now, agentTokenHash, 0);
    }

    // ------------------------------------------------------------------ guards

    /** Customers may act on the server only while it is ACTIVE. */
    public void requireCustomerActionsAllowed() {
        if (status == Status.TERMINATED) {
            throw new DomainException(ErrorCode.INSTANCE_TERMINATED, "Server " + hostname + " has been terminated");
        }
        if (status == Status.SUSPENDED) {
            throw new DomainException(ErrorCode.INSTANCE_SUSPENDED, "Server " + hostname + " is suspended ("
                    + (suspension == Suspension.NON_PAYMENT ? "renewal not paid: pay the renewal invoice to resume it"
                    : "by an operator: contact support") + ")");
        }
    }

    public boolean isOwnedBy(UUID user) {
        return userId.equals(user);
    }

    /** The start of the paid period that ends at {@link #expiresAt()}. */
    public Instant periodStart() {
        return period.subtractFrom(expiresAt);
    }

    /** Suspended for non-payment but paid again: the server must be powered on. */
    public boolean isDueForUnsuspension(Instant now) {
        return status == Status.SUSPENDED && suspension == Suspension.NON_PAYMENT && expiresAt.isAfter(now);
    }

    // ------------------------------------------------------------------ transitions

    /**
     * A renewal was paid: one more period, counted from the old expiry (never from the payment date), on
     * the server's day of the month (a server created on the 31st renews on the 31st, or the month's last
     * day). A renewal paid so late that one period after the old expiry is already past (a daily server
     * paid after its suspension) buys one period from now, so the customer gets what they paid for.
     */
    public InstanceEvent renew(Actor actor, String reference, Instant now) {
        if (status == Status.TERMINATED) {
            throw new DomainException(ErrorCode.INSTANCE_TERMINATED, "Server " + hostname + " has been terminated");
        }
        Instant previous = expiresAt;
        Instant next = period.addTo(expiresAt);
        Instant anchored = period.nextAfter(createdAt, expiresAt);
        if (anchored.isAfter(next) && anchored.isBefore(next.plus(java.time.Duration.ofDays(4)))) {
            next = anchored; // back to the anchor day after a short month
        }
        if (!next.isAfter(now)) {
            next = period.addTo(now);
        }
        expiresAt = next;
        nextLifecycleAt = now;
        return InstanceEvent.of(id, "RENEWED", actor, "paid until " + expiresAt + " (was " + previous + ")"
                + (reference == null ? "" : ", " + reference), null, now);
    }

    public InstanceEvent changeAutoRenew(boolean enabled, Actor actor, Instant now) {
        if (status == Status.TERMINATED) {
            throw new DomainException(ErrorCode.INSTANCE_TERMINATED, "Server " + hostname + " has been terminated");
        }
        this.autoRenew = enabled;
        nextLifecycleAt = now;
        return InstanceEvent.of(id, "AUTO_RENEW_" + (enabled ? "ON" : "OFF"), actor, null, null, now);
    }

    /** Unpaid past the grace period; the caller has asked the provider to power the server off. */
    public InstanceEvent suspendForNonPayment(String stepKey, Instant now) {
        requireStatus(Status.ACTIVE, "suspend");
        status = Status.SUSPENDED;
        suspension = Suspension.NON_PAYMENT;
        suspendedAt = now;
        statusReason = "renewal not paid by " + expiresAt;
        nextLifecycleAt = now;
        return InstanceEvent.of(id, "SUSPENDED", Actor.system("lifecycle"), statusReason, stepKey, now);
    }

    /** An operator suspends the server (abuse, a dispute); a reason is required. */
    public InstanceEvent suspendByOperator(Actor actor, String reason, Instant now) {
        requireReason(reason);
        requireStatus(Status.ACTIVE, "suspend");
        status = Status.SUSPENDED;
        suspension = Suspension.OPERATOR;
        suspendedAt = now;
        statusReason = reason.trim();
        nextLifecycleAt = now;
        return InstanceEvent.of(id, "SUSPENDED", actor, statusReason, null, now);
    }

    /** Back to ACTIVE; the caller has asked the provider to power the server on. */
    public InstanceEvent unsuspend(Actor actor, String reason, String stepKey, Instant now) {
        requireStatus(Status.SUSPENDED, "unsuspend");
        status = Status.ACTIVE;
        suspension = null;
        suspendedAt = null;
        statusReason = null;
        nextLifecycleAt = now;
        return InstanceEvent.of(id, "UNSUSPENDED", actor, reason, stepKey, now);
    }

    /** The server was destroyed at the provider; nothing happens to this instance any more. */
    public InstanceEvent terminate(Actor actor, String reason, String stepKey, Instant now) {
        requireReason(reason);
        if (status == Status.TERMINATED) {
            throw new DomainException(ErrorCode.INSTANCE_TERMINATED, "Server " + hostname + " is already terminated");
        }
        status = Status.TERMINATED;
        terminatedAt = now;
        statusReason = reason.trim();
        nextLifecycleAt = null;
        return InstanceEvent.of(id, "TERMINATED", actor, statusReason, stepKey, now);
    }

    // ------------------------------------------------------------------ the agent's secret

    /**
     * The agent trades the secret of the user data (readable on the server by any local user through the
     * metadata service) for one only it knows. Allowed with the current secret; the new one is pending
     * until first used ({@link #agentTokenUsed}), so an answer lost on the way can be asked for again.
     */
    public void rotateAgentToken(String presentedHash, String newHash) {
        if (!same(presentedHash, agentTokenHash)) {
            throw new DomainException(ErrorCode.INSTANCE_NOT_FOUND, "Unknown server");
        }
        agentTokenPendingHash = newHash;
    }

    /**
     * Whether the presented secret may fetch work: only a secret of the agent's own (never the one of the
     * user data); the first use of a pending secret makes it the current one and retires the old.
     *
     * @return true if accepted
     */
    public boolean agentTokenUsed(String presentedHash) {
        if (same(presentedHash, agentTokenPendingHash)) {
            agentTokenHash = agentTokenPendingHash;
            agentTokenPendingHash = null;
            agentTokenRotated = true;
            return true;
        }
        return agentTokenRotated && same(presentedHash, agentTokenHash);
    }

    /** Constant-time comparison of two hashes (null never matches). */
    private static boolean same(String presented, String stored) {
        return presented != null && stored != null && java.security.MessageDigest.isEqual(
                presented.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                stored.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** When the scheduler must look again (null: never). */
    public void scheduleNextLifecycleCheck(Instant at) {
        this.nextLifecycleAt = status == Status.TERMINATED ? null : at;
    }

    private void requireStatus(Status expected, String what) {
        if (status != expected) {
            throw new DomainException(status == Status.TERMINATED ? ErrorCode.INSTANCE_TERMINATED
                    : ErrorCode.INSTANCE_STATE_CONFLICT, "Server " + hostname + " is " + status + " and cannot " + what);
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "A reason is required");
        }
    }

    public UUID id() { return id; }
    public UUID orderId() { return orderId; }
    public UUID userId() { return userId; }
    public String provider() { return provider; }
    public String providerServerId() { return providerServerId; }
    public String hostname() { return hostname; }
    public String region() { return region; }
    public String sizeSlug() { return sizeSlug; }
    public String imageSlug() { return imageSlug; }
    public String ipv4() { return ipv4; }
    public String ipv6() { return ipv6; }
    public Status status() { return status; }
    public Instant providerCreatedAt() { return providerCreatedAt; }
    public Instant createdAt() { return createdAt; }
    public Instant expiresAt() { return expiresAt; }
    public BillingPeriod period() { return period; }
    public Money renewalPrice() { return renewalPrice; }
    public boolean autoRenew() { return autoRenew; }
    public Suspension suspension() { return suspension; }
    public Instant suspendedAt() { return suspendedAt; }
    public Instant terminatedAt() { return terminatedAt; }
    public String statusReason() { return statusReason; }
    public Instant nextLifecycleAt() { return nextLifecycleAt; }
    public String agentTokenHash() { return agentTokenHash; }
    public String agentTokenPendingHash() { return agentTokenPendingHash; }
    public boolean agentTokenRotated() { return agentTokenRotated; }
    public long version() { return version; }
}
