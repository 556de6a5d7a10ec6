package id.webrana.cloud.adapter.out.notify;

import id.webrana.cloud.application.port.out.DeliveryException;

/**
 * A {@link DeliveryException.Kind#TRANSIENT TRANSIENT} Telegram failure: 5xx, timeout, no connection, an unreadable
 * answer, a refused token. Its own type only so that the circuit breaker of {@link TelegramBotClient} can count
 * these failures and nothing else (a blocked user or a rate limit says nothing about Telegram's health).
 */
public class TelegramUnavailableException extends DeliveryException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message already masked: never the bot token
     * @param cause   without the bot token in any message (see {@link MaskedFailure}), or null
     */
    public TelegramUnavailableException(String message, Throwable cause) {
        super(Kind.TRANSIENT, message, null, cause);
    }
}
