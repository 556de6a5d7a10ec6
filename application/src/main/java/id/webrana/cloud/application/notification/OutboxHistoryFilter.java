package id.webrana.cloud.application.notification;

import java.time.Instant;

/**
 * Which outbox rows an operator wants to see in the notification history; every null field matches all.
 *
 * @param event            exact event name, e.g. {@code VPS_ACTIVE}
 * @param channel          exact channel name
 * @param status           exact status
 * @param recipientContains a case-insensitive part of the recipient (email address, user id, chat id)
 * @param createdFrom      created at or after
 * @param createdBefore    created strictly before
 */
public record OutboxHistoryFilter(String event, String channel, OutboxMessage.Status status,
                                  String recipientContains, Instant createdFrom, Instant createdBefore) {

    public static OutboxHistoryFilter all() {
        return new OutboxHistoryFilter(null, null, null, null, null, null);
    }

    /** Whether {@code m} passes the filter (the in-memory reading of the same rules an adapter puts in SQL). */
    public boolean matches(OutboxMessage m) {
        return (event == null || event.equals(m.event()))
                && (channel == null || channel.equals(m.channel()))
                && (status == null || status == m.status())
                && (recipientContains == null || recipientContains.isBlank()
                    || m.recipient().toLowerCase(java.util.Locale.ROOT)
                        .contains(recipientContains.trim().toLowerCase(java.util.Locale.ROOT)))
                && (createdFrom == null || !m.createdAt().isBefore(createdFrom))
                && (createdBefore == null || m.createdAt().isBefore(createdBefore));
    }
}
