package id.webrana.cloud.domain.provisioning;

import id.webrana.cloud.domain.shared.Actor;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One line of an instance's history, which is also its audit trail: an action asked for and how it
 * ended, a lifecycle step (reminder, suspension, termination), an operator's intervention with its
 * reason.
 *
 * @param type    e.g. {@code ACTION_REQUESTED}, {@code REMINDER_SENT}, {@code SUSPENDED}
 * @param detail  free text for people (may be null)
 * @param stepKey for lifecycle steps, the key that makes the step happen once per instance and
 *                period (e.g. {@code REMINDER_3D:2026-12-23T10:00:00Z}); stored under a unique
 *                constraint, so a second scheduler cannot record the same step twice; null otherwise
 */
public record InstanceEvent(UUID id, UUID instanceId, String type, Actor actor, String detail, String stepKey,
                            Instant at) {

    public InstanceEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
    }

    public static InstanceEvent of(UUID instanceId, String type, Actor actor, String detail, String stepKey,
                                   Instant at) {
        return new InstanceEvent(UUID.randomUUID(), instanceId, type, actor, detail, stepKey, at);
    }
}
