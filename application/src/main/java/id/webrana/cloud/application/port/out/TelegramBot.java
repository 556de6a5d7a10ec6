package id.webrana.cloud.application.port.out;

import java.util.List;

/**
 * A Telegram bot (Bot API): sends messages to chats and reads the updates that link a customer's
 * chat ({@code /start <code>}).
 */
public interface TelegramBot {

    /** Whether a bot token is configured; without one nothing is sent to Telegram. */
    boolean isConfigured();

    /** The bot's username (for {@code https://t.me/<username>?start=<code>} links), or null if unknown. */
    String username();

    /**
     * Sends a text message (HTML parse mode).
     *
     * @throws DeliveryException RATE_LIMITED with the wait Telegram asked for (429), RECIPIENT_GONE when
     *                           the user blocked the bot or the chat no longer exists (403), TRANSIENT for
     *                           5xx/timeouts, PERMANENT for other refusals (400)
     */
    void sendMessage(String chatId, String htmlText) throws DeliveryException;

    /** Updates after {@code offset} (long polling up to {@code timeoutSeconds}); empty when none. */
    List<Update> updates(long offset, int timeoutSeconds) throws DeliveryException;

    /**
     * A message the bot received.
     *
     * @param updateId the update's id; the next poll uses {@code updateId + 1} as offset
     * @param chatId   the chat it came from
     * @param text     its text, or null for non-text messages
     * @param fromName the sender's first name, or null
     */
    record Update(long updateId, String chatId, String text, String fromName) {
    }
}
