package id.webrana.cloud.application.notification;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One row of the notification outbox ({@code notification_outbox}): a request to announce {@code event} to
 * {@code recipient} on {@code channel}, and the record of its delivery (the notification history).
 *
 * @param id            the row's id
 * @param event         the template's event name, e.g. {@code PAYMENT_CONFIRMED} (column {@code template})
 * @param channel       EMAIL, TELEGRAM, IN_APP or OPERATOR (see {@link NotificationChannel})
 * @param recipient     an email address, a user id, a chat id or {@code operators}, depending on the channel
 * @param locale        the language the producer asked for ({@code id} by default); the recipient's own
 *                      preference wins when the recipient is a known user
 * @param variables     the values the template is rendered with
 * @param dedupeKey     unique across the outbox: the same key is enqueued once only
 * @param status        where delivery stands
 * @param attempts      how many times the row has been claimed for sending (incremented by every claim, so
 *                      a dispatcher that died mid-send still counts), less the claims that ended rate limited
 *                      or held back by a rate limit (given back by {@code NotificationOutbox.markRateLimited})
 * @param createdAt     when it was enqueued
 * @param nextAttemptAt when it may be claimed next (PENDING); null means now
 * @param leaseUntil    while IN_PROGRESS: until when the claiming dispatcher owns it; null otherwise
 * @param claimToken    while IN_PROGRESS: the token of the claim that owns it (fences late updates from a
 *                      dispatcher whose lease ran out); null otherwise
 * @param lastAttemptAt when it was last claimed, or null
 * @param sentAt        when it was delivered (SENT) or given up (SKIPPED/FAILED), or null
 * @param lastError     why the last attempt failed or why it was skipped, or null
 */
public record OutboxMessage(UUID id, String event, String channel, String recipient, String locale,
                            Map<String, String> variables, String dedupeKey, Status status, int attempts,
                            Instant createdAt, Instant nextAttemptAt, Instant leaseUntil, UUID claimToken,
                            Instant lastAttemptAt, Instant sentAt, String lastError) {

    /**
     * PENDING: waiting for {@code next_attempt_at}. IN_PROGRESS: claimed by a dispatcher until
     * {@code lease_until}. SENT: delivered. SKIPPED: deliberately not delivered (no linked chat, channel turned
     * off, channel not configured); the reason is in {@code last_error}. FAILED: given up; the error is in
     * {@code last_error}.
     */
    public enum Status { PENDING, IN_PROGRESS, SENT, SKIPPED, FAILED }

    public OutboxMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        locale = locale == null || locale.isBlank() ? NotificationPreferences.DEFAULT_LANGUAGE : locale;
        variables = variables == null ? Map.of() : Map.copyOf(variables);
    }

    /** A new PENDING row, due at once. */
    public static OutboxMessage pending(String event, String channel, String recipient, String locale,
                                        Map<String, String> variables, String dedupeKey, Instant now) {
        return new OutboxMessage(UUID.randomUUID(), event, channel, recipient, locale, variables, dedupeKey,
                Status.PENDING, 0, now, now, null, null, null, null, null);
    }

    /** The same row with another delivery state (used by in-memory outboxes and mappers). */
    public OutboxMessage with(Status newStatus, int newAttempts, Instant newNextAttemptAt, Instant newLeaseUntil,
                              UUID newClaimToken, Instant newLastAttemptAt, Instant newSentAt, String newLastError) {
        return new OutboxMessage(id, event, channel, recipient, locale, variables, dedupeKey, newStatus, newAttempts,
                createdAt, newNextAttemptAt, newLeaseUntil, newClaimToken, newLastAttemptAt, newSentAt, newLastError);
    }
}
