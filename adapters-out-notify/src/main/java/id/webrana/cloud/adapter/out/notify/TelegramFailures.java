package id.webrana.cloud.adapter.out.notify;

import id.webrana.cloud.adapter.out.notify.TelegramDtos.Answer;
import id.webrana.cloud.adapter.out.notify.TelegramDtos.ResponseParameters;
import id.webrana.cloud.application.port.out.DeliveryException;
import id.webrana.cloud.application.port.out.DeliveryException.Kind;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Classifies Bot API failures into {@link DeliveryException} kinds. Telegram mirrors the HTTP status in the body's
 * {@code error_code}; that code decides, and the {@code description} is only matched where the code alone is
 * ambiguous (400 {@code chat not found}).
 *
 * <ul>
 *   <li>429: RATE_LIMITED, waiting {@code parameters.retry_after} seconds (else the {@code Retry-After} header,
 *       else {@link #DEFAULT_RETRY_AFTER}).</li>
 *   <li>403 (bot blocked, kicked from the group, user deactivated, user never started the bot) and
 *       400 {@code chat not found}: RECIPIENT_GONE.</li>
 *   <li>401 and 404 (token refused or wrong API URL), 408, 409 (another poller or a webhook), 5xx, timeouts,
 *       connection failures, unreadable answers: TRANSIENT ({@link TelegramUnavailableException}). A refused token
 *       is a configuration problem, not the message's: once fixed, the message can still go out.</li>
 *   <li>A 4xx with {@code parameters.migrate_to_chat_id} (the group was upgraded to a supergroup): PERMANENT for
 *       this id, carrying the new one ({@link DeliveryException#chatMigrated}, read with
 *       {@link DeliveryException#migratedToChatId()}) so the caller can resend there and remember it.</li>
 *   <li>Any other 4xx (400 message too long, can't parse entities, ...): PERMANENT.</li>
 * </ul>
 * Every message goes through the settings' mask: the token never appears.
 */
final class TelegramFailures {

    /** Wait used for a 429 that names none (Telegram always sends {@code retry_after}; a proxy might not). */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);
    private static final int MAX_RAW_BODY_CHARS = 300;

    private final UnaryOperator<String> mask;

    TelegramFailures(UnaryOperator<String> mask) {
        this.mask = mask;
    }

    /**
     * An answer that is not {@code ok}.
     *
     * @param answer           the parsed body, or null when it was not Telegram's JSON
     * @param rawBody          the body as received (for the message when it could not be parsed)
     * @param retryAfterHeader the {@code Retry-After} header, or null
     */
    DeliveryException refused(String method, int httpStatus, Answer answer, String rawBody, String retryAfterHeader) {
        Integer errorCode = answer == null ? null : answer.errorCode();
        int code = errorCode != null ? errorCode : httpStatus;
        String description = answer != null && answer.description() != null ? answer.description()
                : shortened(rawBody);
        String message = mask.apply("Telegram " + method + " failed: HTTP " + httpStatus
                + (errorCode != null && errorCode != httpStatus ? " (error_code " + errorCode + ")" : "")
                + (description.isEmpty() ? "" : ": " + description));
        ResponseParameters parameters = answer == null ? null : answer.parameters();
        if (code == 429) {
            return new DeliveryException(Kind.RATE_LIMITED, message, retryAfter(parameters, retryAfterHeader), null);
        }
        if (code == 403) {
            return new DeliveryException(Kind.RECIPIENT_GONE, message);
        }
        if (code == 400 && description.toLowerCase(Locale.ROOT).contains("chat not found")) {
            return new DeliveryException(Kind.RECIPIENT_GONE, message);
        }
        if (code == 401 || code == 404) {
            return new TelegramUnavailableException(message + " (check " + TelegramSettings.BOT_TOKEN + " and "
                    + TelegramSettings.API_URL + ")", null);
        }
        if (code == 408 || code == 409 || code >= 500 || code < 400) {
            // < 400: a 2xx whose body is not an ok answer (a proxy's page, ...): nothing says the message went out
            return new TelegramUnavailableException(message, null);
        }
        if (parameters != null && parameters.migrateToChatId() != null) {
            String newChatId = String.valueOf(parameters.migrateToChatId());
            return DeliveryException.chatMigrated(message + " (the group is now the supergroup " + newChatId + ")",
                    newChatId);
        }
        return new DeliveryException(Kind.PERMANENT, message);
    }

    /** No answer at all: timeout, refused connection, unknown host, another I/O problem. */
    DeliveryException transport(String method, Throwable failure) {
        Throwable root = failure;
        String what = "I/O error";
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            root = t;
            if (t instanceof InterruptedIOException) {
                what = "timed out";
                break;
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                what = "could not connect";
                break;
            }
            if (t instanceof UnknownHostException) {
                what = "unknown host";
                break;
            }
        }
        return new TelegramUnavailableException(mask.apply("Telegram " + method + " failed: " + what + " ("
                + root.getClass().getSimpleName() + ": " + root.getMessage() + ")"), MaskedFailure.of(failure, mask));
    }

    /** A 2xx {@code ok} answer without the expected result. */
    DeliveryException missingResult(String method, int httpStatus) {
        return new TelegramUnavailableException("Telegram " + method + " answered HTTP " + httpStatus
                + " without the expected result", null);
    }

    private static Duration retryAfter(ResponseParameters parameters, String header) {
        if (parameters != null && parameters.retryAfter() != null) {
            return atLeastOneSecond(Duration.ofSeconds(parameters.retryAfter()));
        }
        if (header != null && !header.isBlank()) {
            try {
                return atLeastOneSecond(Duration.ofSeconds(Long.parseLong(header.trim())));
            } catch (NumberFormatException e) {
                // an HTTP date or garbage: use the default
            }
        }
        return DEFAULT_RETRY_AFTER;
    }

    private static Duration atLeastOneSecond(Duration d) {
        return d.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : d;
    }

    private static String shortened(String raw) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        String trimmed = raw.strip().replaceAll("\\s+", " ");
        return trimmed.length() > MAX_RAW_BODY_CHARS ? trimmed.substring(0, MAX_RAW_BODY_CHARS) + "..." : trimmed;
    }
}
