package id.webrana.cloud.domain.provisioning;

import id.webrana.cloud.domain.shared.Actor;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One action on a server, followed until it ends: IN_PROGRESS → COMPLETED or ERRORED.
 *
 * <p>Power actions follow the provider's own action ({@link #providerActionId()}); a password reset
 * follows the server's agent picking the new password up. While an action is in progress no other
 * action may start on the same server.
 */
public final class InstanceAction {

    public enum Status { IN_PROGRESS, COMPLETED, ERRORED }

    private final UUID id;
    private final UUID instanceId;
    private final ActionType type;
    private Status status;
    private final String providerActionId;
    private final Actor requestedBy;
    private final Instant requestedAt;
    private Instant completedAt;
    private String error;
    private final long version;

    public InstanceAction(UUID id, UUID instanceId, ActionType type, Status status, String providerActionId,
                          Actor requestedBy, Instant requestedAt, Instant completedAt, String error, long version) {
        this.id = Objects.requireNonNull(id);
        this.instanceId = Objects.requireNonNull(instanceId);
        this.type = Objects.requireNonNull(type);
        this.status = Objects.requireNonNull(status);
        this.providerActionId = providerActionId;
        this.requestedBy = Objects.requireNonNull(requestedBy);
        this.requestedAt = Objects.requireNonNull(requestedAt);
        this.completedAt = completedAt;
        this.error = error;
        this.version = version;
    }

    /** An action the provider (or the agent) has accepted and is working on. */
    public static InstanceAction started(UUID instanceId, ActionType type, String providerActionId, Actor actor,
                                         Instant now) {
        return new InstanceAction(UUID.randomUUID(), instanceId, type, Status.IN_PROGRESS, providerActionId, actor,
                now, null, null, 0);
    }

    /** An action that is over as soon as it is asked (e.g. handing out a console URL). */
    public static InstanceAction completedAtOnce(UUID instanceId, ActionType type, Actor actor, Instant now) {
        return new InstanceAction(UUID.randomUUID(), instanceId, type, Status.COMPLETED, null, actor, now, now,
                null, 0);
    }

    public boolean isInProgress() {
        return status == Status.IN_PROGRESS;
    }

    /** @return the history line, or null when the action had already ended */
    public InstanceEvent complete(Instant now) {
        if (!isInProgress()) {
            return null;
        }
        status = Status.COMPLETED;
        completedAt = now;
        return InstanceEvent.of(instanceId, "ACTION_COMPLETED", requestedBy, type.apiName(), null, now);
    }

    /** @return the history line, or null when the action had already ended */
    public InstanceEvent fail(String why, Instant now) {
        if (!isInProgress()) {
            return null;
        }
        status = Status.ERRORED;
        completedAt = now;
        error = why;
        return InstanceEvent.of(instanceId, "ACTION_ERRORED", requestedBy, type.apiName() + ": " + why, null, now);
    }

    public UUID id() { return id; }
    public UUID instanceId() { return instanceId; }
    public ActionType type() { return type; }
    public Status status() { return status; }
    public String providerActionId() { return providerActionId; }
    public Actor requestedBy() { return requestedBy; }
    public Instant requestedAt() { return requestedAt; }
    public Instant completedAt() { return completedAt; }
    public String error() { return error; }
    public long version() { return version; }
}
