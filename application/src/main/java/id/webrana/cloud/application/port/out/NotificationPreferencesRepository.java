package id.webrana.cloud.application.port.out;

import id.webrana.cloud.application.notification.NotificationChannel;
import id.webrana.cloud.application.notification.NotificationPreferences;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Users' notification choices, their linked Telegram chats and the one-time codes that link them.
 *
 * <p>Tables: {@code notification_preferences (user_id UUID PRIMARY KEY REFERENCES users, language VARCHAR(5)
 * NOT NULL DEFAULT 'id', enabled_channels VARCHAR(100) NOT NULL DEFAULT 'EMAIL,TELEGRAM', telegram_chat_id
 * VARCHAR(64) NULL UNIQUE, telegram_linked_at TIMESTAMPTZ NULL, updated_at TIMESTAMPTZ NOT NULL)} and
 * {@code telegram_link_codes (code_hash CHAR(64) PRIMARY KEY, user_id UUID NOT NULL REFERENCES users,
 * expires_at TIMESTAMPTZ NOT NULL, used_at TIMESTAMPTZ NULL)}. A user without a row has
 * {@link NotificationPreferences#defaults}. The choices and the chat are written by separate methods so that a
 * customer saving the language never resurrects a chat the dispatcher just unlinked.
 */
public interface NotificationPreferencesRepository {

    /** The user's row, if they ever chose anything or linked a chat. */
    Optional<NotificationPreferences> find(UUID userId);

    /** Upserts language and enabled optional channels; leaves the Telegram chat as it is. */
    void saveChoices(UUID userId, String language, Set<NotificationChannel> enabledChannels, Instant at);

    /**
     * Upserts the user's chat. A chat belongs to one user: the chat is first removed from any other user
     * ({@code telegram_chat_id} is UNIQUE).
     */
    void linkTelegram(UUID userId, String chatId, Instant at);

    /**
     * Removes the user's chat, only if it is still {@code chatId} ({@code null}: whatever it is), so an unlink
     * decided on an old chat does not remove a chat linked since.
     *
     * @return whether a chat was removed
     */
    boolean unlinkTelegram(UUID userId, String chatId);

    /** Stores a one-time link code by its SHA-256 hex hash. */
    void addTelegramLinkCode(UUID userId, String codeHash, Instant expiresAt);

    /**
     * Uses up a link code atomically: {@code UPDATE telegram_link_codes SET used_at = :now WHERE code_hash = :h
     * AND used_at IS NULL AND expires_at > :now RETURNING user_id}.
     *
     * @return the user it was issued to, or empty when unknown, used or expired
     */
    Optional<UUID> consumeTelegramLinkCode(String codeHash, Instant now);
}
