package id.webrana.cloud.domain.provisioning;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The durable to-do item that turns a PAID order into a running server. It is written in the
 * same transaction as the payment, so a paid order can never be forgotten; a worker claims it,
 * performs one step, and records the outcome before the claim is released.
 *
 * <p>Steps: {@code PENDING} (no server requested yet) → {@code WAITING_FOR_SERVER} (the provider
 * accepted the create call; poll until the server is ready) → {@code SUCCEEDED}; or
 * {@code FAILED} on a permanent error or when the deadline passes. Transient errors keep the
 * step and push {@link #nextAttemptAt()} back.
 */
public final class ProvisioningTask {

    public enum Status { PENDING, WAITING_FOR_SERVER, SUCCEEDED, FAILED }

    private final UUID id;
    private final UUID orderId;
    private Status status;
    private String providerServerId;
    private int attempts;
    private Instant nextAttemptAt;
    private Instant deadline;
    private String lastError;
    private String rootPassword;
    private String agentToken;
    private final Instant createdAt;
    private Instant updatedAt;
    private final long version;

    public ProvisioningTask(UUID id, UUID orderId, Status status, String providerServerId, int attempts,
                            Instant nextAttemptAt, Instant deadline, String lastError, Instant createdAt,
                            Instant updatedAt, long version) {
        this(id, orderId, status, providerServerId, attempts, nextAttemptAt, deadline, lastError, createdAt, updatedAt,
                null, null, version);
    }

    /**
     * @param rootPassword the root password cloud-init sets on the server, kept until the instance exists
     *                     (then handed to it to be shown once) and wiped when the task ends
     * @param agentToken   the secret the server's agent authenticates with, likewise kept only until then
     */
    public ProvisioningTask(UUID id, UUID orderId, Status status, String providerServerId, int attempts,
                            Instant nextAttemptAt, Instant deadline, String lastError, Instant createdAt,
                            Instant updatedAt, String rootPassword, String agentToken, long version) {
        this.id = Objects.requireNonNull(id);
        this.orderId = Objects.requireNonNull(orderId);
        this.status = Objects.requireNonNull(status);
        this.providerServerId = providerServerId;
        this.attempts = attempts;
        this.nextAttemptAt = Objects.requireNonNull(nextAttemptAt);
        this.deadline = Objects.requireNonNull(deadline);
        this.lastError = lastError;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.updatedAt = updatedAt == null ? createdAt : updatedAt;
        this.rootPassword = rootPassword;
        this.agentToken = agentToken;
        this.version = version;
    }

    /** A task due at once, that must finish within {@code timeout}. */
    public static ProvisioningTask forPaidOrder(UUID orderId, Instant now, Duration timeout) {
        return new ProvisioningTask(UUID.randomUUID(), orderId, Status.PENDING, null, 0, now, now.plus(timeout),
                null, now, now, 0);
    }

    /** A task due at once, with the server's root password and agent secret chosen before anything is created. */
    public static ProvisioningTask forPaidOrder(UUID orderId, Instant now, Duration timeout, String rootPassword,
                                                String agentToken) {
        return new ProvisioningTask(UUID.randomUUID(), orderId, Status.PENDING, null, 0, now, now.plus(timeout),
                null, now, now, rootPassword, agentToken, 0);
    }

    /**
     * An operator retries a FAILED task: it starts again from the beginning with a new deadline. The order's
     * tag still finds a server created before, so a retry never makes a second one, and the secrets that
     * server booted with are kept (new ones only if there were none).
     */
    public void retry(Instant now, Duration timeout, String newRootPassword, String newAgentToken) {
        if (status != Status.FAILED) {
            throw new IllegalStateException("provisioning task " + id + " is " + status + ", not FAILED");
        }
        status = Status.PENDING;
        providerServerId = null;
        attempts = 0;
        lastError = null;
        nextAttemptAt = now;
        deadline = now.plus(timeout);
        if (rootPassword == null || agentToken == null) {
            rootPassword = newRootPassword;
            agentToken = newAgentToken;
        }
        updatedAt = now;
    }

    /** The secrets have been handed over (or are useless): forget them. */
    private void wipeSecrets() {
        rootPassword = null;
        agentToken = null;
    }

    public boolean isFinished() {
        return status == Status.SUCCEEDED || status == Status.FAILED;
    }

    public boolean isPastDeadline(Instant now) {
        return !now.isBefore(deadline);
    }

    /** The provider accepted the server (or we found the one created before a crash). */
    public void serverRequested(String serverId, Instant now, Duration firstPoll) {
        requireOpen();
        this.providerServerId = Objects.requireNonNull(serverId);
        this.status = Status.WAITING_FOR_SERVER;
        this.attempts = 0;
        this.lastError = null;
        this.nextAttemptAt = now.plus(firstPoll);
        this.updatedAt = now;
    }

    /** The server is not ready yet: look again later. */
    public void pollAgain(Instant now, Duration delay) {
        requireOpen();
        this.nextAttemptAt = notAfterDeadline(now.plus(delay));
        this.updatedAt = now;
    }

    /** The deadline is enforced on time: no attempt is scheduled after it. */
    private Instant notAfterDeadline(Instant at) {
        return at.isAfter(deadline) ? deadline : at;
    }

    /** A transient failure: try the same step again after {@code delay}. */
    public void retryLater(String error, Instant now, Duration delay) {
        requireOpen();
        this.attempts++;
        this.lastError = error;
        this.nextAttemptAt = notAfterDeadline(now.plus(delay));
        this.updatedAt = now;
    }

    public void succeeded(Instant now) {
        requireOpen();
        this.status = Status.SUCCEEDED;
        this.lastError = null;
        wipeSecrets();
        this.updatedAt = now;
    }

    public void failed(String error, Instant now) {
        requireOpen();
        this.status = Status.FAILED;
        this.lastError = error;
        // kept: a droplet the failed attempt created may be adopted by a retry, and it booted with these
        this.updatedAt = now;
    }

    private void requireOpen() {
        if (isFinished()) {
            throw new IllegalStateException("provisioning task " + id + " is already " + status);
        }
    }

    public UUID id() { return id; }
    public UUID orderId() { return orderId; }
    public Status status() { return status; }
    public String providerServerId() { return providerServerId; }
    public int attempts() { return attempts; }
    public Instant nextAttemptAt() { return nextAttemptAt; }
    public Instant deadline() { return deadline; }
    public String lastError() { return lastError; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public String rootPassword() { return rootPassword; }
    public String agentToken() { return agentToken; }
    public long version() { return version; }
}
