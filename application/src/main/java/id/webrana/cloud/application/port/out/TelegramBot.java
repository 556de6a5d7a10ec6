package id.webrana.cloud.application.port.out;

import java.util.List;

/**
 * A Telegram bot (Bot API): sends messages to chats and reads the updates that link a customer's
 * chat ({@code /start <code>}, accepted from private chats only: see {@link Update#fromPrivateChat()}).
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
     * @param chatId   the chat it came from, or null for an update without a message
     * @param chatType the kind of that chat, the Bot API's {@code message.chat.type}: {@value #PRIVATE},
     *                 {@value #GROUP}, {@value #SUPERGROUP} or {@value #CHANNEL}; null when unknown
     * @param text     its text, or null for non-text messages
     * @param fromName the sender's first name, or null
     */
    record Update(long updateId, String chatId, String chatType, String text, String fromName) {

        /** A one-to-one chat between a user and the bot: the only kind a customer's account may be linked to. */
        public static final String PRIVATE = "private";
        public static final String GROUP = "group";
        public static final String SUPERGROUP = "supergroup";
        public static final String CHANNEL = "channel";

        /** Whether it came from a private chat with the bot (an unknown type is not one). */
        public boolean fromPrivateChat() {
            return PRIVATE.equals(chatType);
        }
    }
}
