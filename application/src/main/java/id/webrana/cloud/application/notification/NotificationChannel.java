package id.webrana.cloud.application.notification;

import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;

import java.util.Locale;

/**
 * Where a notification goes. The name is what {@code Notifier.Notification.channel()} and the outbox's
 * {@code channel} column hold.
 *
 * <ul>
 *   <li>{@link #EMAIL}: recipient is an email address.</li>
 *   <li>{@link #TELEGRAM}: recipient is a user id (the chat is looked up when sending, so a chat linked or
 *       unlinked after the event is honoured) or, for messages to a chat that is not linked to anyone (the
 *       reply to a {@code /start} with a bad code), the chat id itself.</li>
 *   <li>{@link #IN_APP}: recipient is a user id; the message lands in the portal's bell.</li>
 *   <li>{@link #OPERATOR}: recipient is {@code "operators"}; delivered to the operators' Telegram chat, their
 *       email address or the local mailbox (see {@code NotificationDispatcher}).</li>
 * </ul>
 */
public enum NotificationChannel {
    EMAIL, TELEGRAM, IN_APP, OPERATOR;

    /** Parses a channel name (case-insensitive), refusing anything else with {@code VALIDATION_ERROR}. */
    public static NotificationChannel parse(String value) {
        if (value != null) {
            for (NotificationChannel c : values()) {
                if (c.name().equals(value.trim().toUpperCase(Locale.ROOT))) {
                    return c;
                }
            }
        }
        throw new DomainException(ErrorCode.VALIDATION_ERROR,
                "Channel must be one of EMAIL, TELEGRAM, IN_APP, OPERATOR, not '" + value + "'");
    }
}
