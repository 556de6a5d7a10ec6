package id.webrana.cloud.application.port.out;

import id.webrana.cloud.application.notification.InAppNotification;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;

import java.time.Instant;
import java.util.UUID;

/**
 * The portal bell's messages, per user.
 *
 * <p>Table {@code in_app_notifications}: {@code id UUID PRIMARY KEY, user_id UUID NOT NULL REFERENCES users,
 * event VARCHAR(60), title VARCHAR(200), body TEXT, dedupe_key VARCHAR(220) NOT NULL UNIQUE,
 * created_at TIMESTAMPTZ NOT NULL, read_at TIMESTAMPTZ NULL}; index {@code (user_id, created_at DESC)} and a
 * partial index {@code (user_id) WHERE read_at IS NULL} for the unread count.
 */
public interface InAppNotificationRepository {

    /**
     * Stores a new message unless one with the same {@code dedupe_key} exists (then nothing changes: a
     * redelivered outbox row adds no second message). The dispatcher calls it in the transaction that marks the
     * outbox row SENT, so in-app delivery is exactly once.
     *
     * @return whether it was added
     */
    boolean add(InAppNotification notification);

    /** The user's messages, newest first. */
    Page<InAppNotification> findByUser(UUID userId, PageRequest page);

    long countUnread(UUID userId);

    /**
     * Marks one of the user's messages read ({@code read_at = COALESCE(read_at, at)}); a message of another user
     * is not touched.
     *
     * @return whether the user has a message with that id
     */
    boolean markRead(UUID userId, UUID notificationId, Instant at);

    /** Marks every unread message of the user read; returns how many changed. */
    int markAllRead(UUID userId, Instant at);
}
