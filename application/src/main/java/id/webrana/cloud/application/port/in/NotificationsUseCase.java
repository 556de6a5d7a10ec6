package id.webrana.cloud.application.port.in;

import id.webrana.cloud.application.notification.InAppNotification;
import id.webrana.cloud.application.notification.NotificationChannel;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A customer's notifications: the portal bell ({@code GET /api/v1/notifications}, read, read-all), their
 * language and channel choices, and linking a Telegram chat. Also the bot side of linking
 * ({@link #pollTelegramUpdates()}, {@link #completeTelegramLink}).
 */
public interface NotificationsUseCase {

    /** A page of the user's in-app messages, newest first, with the number of unread ones. */
    Inbox inbox(UUID userId, PageRequest page);

    long unreadCount(UUID userId);

    /**
     * Marks one message read (again: no change).
     *
     * @return false when the user has no message with that id (the REST adapter answers 404)
     */
    boolean markRead(UUID userId, UUID notificationId);

    /** Marks all the user's messages read; returns how many were unread. */
    int markAllRead(UUID userId);

    Preferences preferences(UUID userId);

    /**
     * Sets the language ({@code id} or {@code en}) and the optional channels wanted (a subset of EMAIL,
     * TELEGRAM); refuses anything else with VALIDATION_ERROR.
     */
    Preferences updatePreferences(UUID userId, String language, Set<NotificationChannel> enabledChannels);

    /**
     * A one-time deep link {@code https://t.me/<bot>?start=<code>} that links the chat it is opened in to the
     * user. Refused with VALIDATION_ERROR when no Telegram bot is configured.
     */
    TelegramLink startTelegramLink(UUID userId);

    /**
     * Links {@code chatId} to the user the code was issued to, using the code up, and queues a confirmation to the
     * chat. Used by {@link #pollTelegramUpdates()} (or a webhook).
     *
     * @return false when the code is unknown, used or expired
     */
    boolean completeTelegramLink(String code, String chatId);

    /** Removes the user's chat; returns whether one was linked. */
    boolean unlinkTelegram(UUID userId);

    /**
     * Reads the bot's new updates once ({@code getUpdates}), links chats that sent {@code /start <code>} and
     * answers a {@code /start} with a bad code. Returns how many updates were read (0 also when no bot is
     * configured or Telegram could not be reached).
     */
    int pollTelegramUpdates();

    record Inbox(Page<InAppNotification> notifications, long unread) {
    }

    /**
     * @param telegramLinked    whether a chat is linked
     * @param telegramAvailable whether a bot is configured (otherwise the portal hides linking)
     */
    record Preferences(String language, Set<NotificationChannel> enabledChannels, boolean telegramLinked,
                       boolean telegramAvailable) {
        public Preferences {
            enabledChannels = Set.copyOf(enabledChannels);
        }
    }

    record TelegramLink(String deepLink, Instant expiresAt) {
    }
}
