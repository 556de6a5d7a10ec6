package id.webrana.cloud.application.port.out;

import id.webrana.cloud.application.notification.OutboxHistoryFilter;
import id.webrana.cloud.application.notification.OutboxMessage;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The delivery side of the transactional outbox ({@code notification_outbox}); rows are written by the
 * {@link Notifier} in the producers' transactions. This is the contract a persistence implementation follows.
 *
 * <p><b>Table</b> (columns beyond the foundation's {@code id, template, channel, recipient, locale, variables,
 * dedupe_key, status, attempts, created_at, sent_at, last_error}): {@code next_attempt_at TIMESTAMPTZ NULL}
 * (null = due now), {@code lease_until TIMESTAMPTZ NULL}, {@code claim_token UUID NULL},
 * {@code last_attempt_at TIMESTAMPTZ NULL}. {@code dedupe_key} stays UNIQUE: a producer's key is made per
 * (event, subject, channel, recipient) (e.g. {@code PAYMENT_STATUS:<order>:TELEGRAM}, see
 * {@code FanOutNotifier}), so each notification is enqueued once even when two servers produce it. Index for the
 * claim: {@code (COALESCE(next_attempt_at, created_at)) WHERE status = 'PENDING'} and
 * {@code (lease_until) WHERE status = 'IN_PROGRESS'}.
 *
 * <p><b>Statuses</b>: PENDING, IN_PROGRESS, SENT, SKIPPED, FAILED ({@link OutboxMessage.Status}).
 *
 * <p><b>Claiming</b> ({@link #claimDue}) is called in its own short transaction and must never hand one row to
 * two dispatchers: rows are selected with {@code FOR UPDATE SKIP LOCKED} (a row another transaction is claiming
 * is skipped, not waited for) and, in the same transaction, set IN_PROGRESS with a lease and a fresh claim token.
 * After commit the row lock is gone and the lease protects the row: other dispatchers select only PENDING rows
 * that are due and IN_PROGRESS rows whose lease has run out (their dispatcher died mid-send). Every
 * {@code mark*} is fenced by the claim token: it changes the row only if it is still IN_PROGRESS under that
 * token, so a dispatcher that outlived its lease cannot overwrite the outcome of the one that re-claimed it.
 */
public interface NotificationOutbox {

    /**
     * Claims up to {@code limit} rows that are due: {@code status = 'PENDING' AND COALESCE(next_attempt_at,
     * created_at) <= now}, or {@code status = 'IN_PROGRESS' AND lease_until <= now} (an abandoned claim), oldest
     * due first, locked with {@code FOR UPDATE SKIP LOCKED}. Each claimed row gets {@code status = 'IN_PROGRESS'},
     * {@code lease_until = leaseUntil}, a new random {@code claim_token}, {@code attempts = attempts + 1} and
     * {@code last_attempt_at = now}; the rows are returned as updated. Must run inside a transaction.
     *
     * <p>SQL sketch (PostgreSQL): {@code UPDATE notification_outbox o SET status='IN_PROGRESS', lease_until=:lease,
     * claim_token=gen_random_uuid(), attempts=o.attempts+1, last_attempt_at=:now WHERE o.id IN (SELECT id FROM
     * notification_outbox WHERE (status='PENDING' AND COALESCE(next_attempt_at, created_at) <= :now) OR
     * (status='IN_PROGRESS' AND lease_until <= :now) ORDER BY COALESCE(next_attempt_at, created_at) LIMIT :limit
     * FOR UPDATE SKIP LOCKED) RETURNING o.*}.
     */
    List<OutboxMessage> claimDue(Instant now, Instant leaseUntil, int limit);

    /**
     * Delivered: {@code status = 'SENT', sent_at = sentAt, lease_until = NULL, claim_token = NULL,
     * last_error = NULL}. Only if the row is still IN_PROGRESS under {@code claimToken}.
     *
     * @return whether the row was changed (false: the claim was lost)
     */
    boolean markSent(UUID id, UUID claimToken, Instant sentAt);

    /**
     * Try again later: {@code status = 'PENDING', next_attempt_at = nextAttemptAt, last_error = error,
     * lease_until = NULL, claim_token = NULL}. Only if still IN_PROGRESS under {@code claimToken}.
     */
    boolean markRetry(UUID id, UUID claimToken, Instant nextAttemptAt, String error);

    /**
     * Try again later <em>without counting this claim as an attempt</em>: the channel asked us to wait (a Telegram
     * 429), or the dispatcher held the row back because the channel is still asking everyone to wait. A rate limit
     * says nothing about the message, so it must never bring the row closer to FAILED: {@code status = 'PENDING',
     * next_attempt_at = nextAttemptAt, last_error = error, attempts = GREATEST(attempts - 1, 0), sent_at = NULL,
     * lease_until = NULL, claim_token = NULL} (the claim's {@code attempts + 1} is given back;
     * {@code last_attempt_at} keeps the time of the claim). Only if still IN_PROGRESS under {@code claimToken}, so
     * a dispatcher that lost its claim cannot give back an attempt of someone else's.
     *
     * @return whether the row was changed (false: the claim was lost)
     */
    boolean markRateLimited(UUID id, UUID claimToken, Instant nextAttemptAt, String error);

    /**
     * Given up: {@code status = 'FAILED', sent_at = at, last_error = error, lease_until = NULL,
     * claim_token = NULL}. Only if still IN_PROGRESS under {@code claimToken}.
     */
    boolean markFailed(UUID id, UUID claimToken, Instant at, String error);

    /**
     * Deliberately not delivered (no linked chat, channel turned off): {@code status = 'SKIPPED', sent_at = at,
     * last_error = reason, lease_until = NULL, claim_token = NULL}. Only if still IN_PROGRESS under
     * {@code claimToken}.
     */
    boolean markSkipped(UUID id, UUID claimToken, Instant at, String reason);

    Optional<OutboxMessage> findById(UUID id);

    /** The notification history for operators: rows matching {@code filter}, newest ({@code created_at}) first. */
    Page<OutboxMessage> search(OutboxHistoryFilter filter, PageRequest page);

    /**
     * An operator's resend: the row goes back to {@code status = 'PENDING'} with {@code attempts = 0,
     * next_attempt_at = now, sent_at = NULL, last_error = NULL, lease_until = NULL, claim_token = NULL} (same
     * row, same dedupe key). Refused for a row that is IN_PROGRESS with a lease still running at {@code now}.
     *
     * @return whether the row exists and was reset
     */
    boolean resend(UUID id, Instant now);
}
