package id.webrana.cloud.application.service;

import id.webrana.cloud.domain.provisioning.Backoff;

import java.time.Duration;
import java.util.Objects;

/**
 * How notifications are delivered.
 *
 * @param retryBackoff             delay after a failed attempt n (1-based): {@code initial * 2^(n-1)}, capped
 * @param maxAttempts              attempts (claims) before a row is FAILED
 * @param lease                    how long a claim owns a row; must exceed the longest single send (SMTP
 *                                 timeouts add up to about 70 s by default)
 * @param minLeaseLeftToSend       a claimed row is sent only while at least this much of its lease is left;
 *                                 otherwise it is left to expire and be claimed again (so a slow batch never
 *                                 sends a row whose lease another dispatcher may already hold)
 * @param operatorsTelegramChatId  the operators' Telegram chat or group id, or null
 * @param operatorsEmail           the operators' email address, used when there is no operators' chat, or null
 * @param telegramLinkTtl          how long a Telegram link code is valid
 * @param telegramPollSeconds      long-polling wait of one {@code getUpdates} call (0: return at once)
 */
public record NotificationSettings(Backoff retryBackoff, int maxAttempts, Duration lease, Duration minLeaseLeftToSend,
                                   String operatorsTelegramChatId, String operatorsEmail, Duration telegramLinkTtl,
                                   int telegramPollSeconds) {

    public NotificationSettings {
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(minLeaseLeftToSend, "minLeaseLeftToSend");
        Objects.requireNonNull(telegramLinkTtl, "telegramLinkTtl");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (lease.isNegative() || lease.isZero() || minLeaseLeftToSend.isNegative()
                || minLeaseLeftToSend.compareTo(lease) >= 0) {
            throw new IllegalArgumentException("need 0 <= minLeaseLeftToSend < lease");
        }
        if (telegramPollSeconds < 0 || telegramPollSeconds > 50) {
            throw new IllegalArgumentException("telegramPollSeconds must be 0..50");
        }
        operatorsTelegramChatId = blankToNull(operatorsTelegramChatId);
        operatorsEmail = blankToNull(operatorsEmail);
    }

    /**
     * 30 s doubling up to 1 h, 8 attempts, a 5 min lease of which 2 min must be left to start a send, no
     * operators' chat or address (operator alerts go to the local mailbox), 15 min link codes, 20 s polls.
     */
    public static NotificationSettings defaults() {
        return new NotificationSettings(new Backoff(Duration.ofSeconds(30), Duration.ofHours(1)), 8,
                Duration.ofMinutes(5), Duration.ofMinutes(2), null, null, Duration.ofMinutes(15), 20);
    }

    public NotificationSettings withOperators(String telegramChatId, String email) {
        return new NotificationSettings(retryBackoff, maxAttempts, lease, minLeaseLeftToSend, telegramChatId, email,
                telegramLinkTtl, telegramPollSeconds);
    }

    public NotificationSettings withRetries(Backoff backoff, int attempts) {
        return new NotificationSettings(backoff, attempts, lease, minLeaseLeftToSend, operatorsTelegramChatId,
                operatorsEmail, telegramLinkTtl, telegramPollSeconds);
    }

    public NotificationSettings withTelegramPollSeconds(int seconds) {
        return new NotificationSettings(retryBackoff, maxAttempts, lease, minLeaseLeftToSend, operatorsTelegramChatId,
                operatorsEmail, telegramLinkTtl, seconds);
    }

    /** The delay before the attempt after failed attempt {@code attempt} (1-based). */
    public Duration delayAfter(int attempt) {
        return retryBackoff.delayFor(attempt - 1);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
