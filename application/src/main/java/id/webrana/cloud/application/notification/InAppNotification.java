package id.webrana.cloud.application.notification;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A message in a user's portal bell.
 *
 * @param id        its id
 * @param userId    whose bell
 * @param event     what it is about, e.g. {@code VPS_ACTIVE} (lets the portal pick an icon or a link)
 * @param title     the rendered subject
 * @param body      the rendered text (plain text; the portal escapes it)
 * @param dedupeKey unique: the outbox row (or notice) it came from, so a redelivery adds nothing
 * @param createdAt when it arrived
 * @param readAt    when the user read it, or null
 */
public record InAppNotification(UUID id, UUID userId, String event, String title, String body, String dedupeKey,
                                Instant createdAt, Instant readAt) {
    public InAppNotification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static InAppNotification create(UUID userId, String event, String title, String body, String dedupeKey,
                                           Instant now) {
        return new InAppNotification(UUID.randomUUID(), userId, event, title, body, dedupeKey, now, null);
    }

    public boolean isRead() {
        return readAt != null;
    }

    public InAppNotification readAt(Instant at) {
        return readAt != null ? this : new InAppNotification(id, userId, event, title, body, dedupeKey, createdAt, at);
    }
}
