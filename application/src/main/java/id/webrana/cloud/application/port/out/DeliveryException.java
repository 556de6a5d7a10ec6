package id.webrana.cloud.application.port.out;

import java.time.Duration;
import java.util.Optional;

/** A message could not be delivered on a channel; the kind decides what the dispatcher does next. */
public class DeliveryException extends Exception {

    /**
     * RATE_LIMITED: try again after {@link #retryAfter()}. RECIPIENT_GONE: the recipient can no longer be
     * reached on this channel (blocked bot, deleted chat) — stop and unlink. TRANSIENT: retry with backoff.
     * PERMANENT: retrying will not help (bad address, refused content) — unless {@link #migratedToChatId()} names
     * where the chat went.
     */
    public enum Kind { RATE_LIMITED, RECIPIENT_GONE, TRANSIENT, PERMANENT }

    private final Kind kind;
    private final Duration retryAfter;
    private final String migratedToChatId;

    public DeliveryException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public DeliveryException(Kind kind, String message, Duration retryAfter, Throwable cause) {
        this(kind, message, retryAfter, cause, null);
    }

    private DeliveryException(Kind kind, String message, Duration retryAfter, Throwable cause,
                              String migratedToChatId) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
        this.migratedToChatId = migratedToChatId;
    }

    /**
     * Telegram refused the message because the group was upgraded to a supergroup with a new id (a 400 with
     * {@code parameters.migrate_to_chat_id}): PERMANENT for the old id, but the same message can go to
     * {@code newChatId}, and every later one should.
     *
     * @param message   what happened (no secrets)
     * @param newChatId the supergroup's id, as the chat id the {@link TelegramBot} takes (e.g. {@code -100...})
     */
    public static DeliveryException chatMigrated(String message, String newChatId) {
        if (newChatId == null || newChatId.isBlank()) {
            throw new IllegalArgumentException("a migrated chat needs its new id");
        }
        return new DeliveryException(Kind.PERMANENT, message, null, null, newChatId.strip());
    }

    public Kind kind() {
        return kind;
    }

    /** How long to wait before the next attempt, for RATE_LIMITED; otherwise null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /**
     * The chat's new id when the Telegram group was migrated to a supergroup ({@link #chatMigrated}); empty for
     * every other failure.
     */
    public Optional<String> migratedToChatId() {
        return Optional.ofNullable(migratedToChatId);
    }
}
