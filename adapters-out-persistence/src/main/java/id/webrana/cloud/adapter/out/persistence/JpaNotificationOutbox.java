package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.application.notification.OutboxHistoryFilter;
import id.webrana.cloud.application.notification.OutboxMessage;
import id.webrana.cloud.application.port.out.NotificationOutbox;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The delivery side of {@code notification_outbox} (rows are written by {@link OutboxNotifier}), in row-level
 * SQL: every statement is the one the port's contract describes, so its guarantees are the database's.
 *
 * <ul>
 *   <li>{@link #claimDue}: selects due rows (PENDING and due, or IN_PROGRESS with a lease that ran out)
 *       {@code FOR UPDATE SKIP LOCKED}, then sets them IN_PROGRESS with the lease, {@code attempts + 1} and a
 *       fresh claim token each (generated here, so no PostgreSQL extension is needed), in the caller's
 *       transaction. Concurrent claimers skip each other's locked rows; after commit the lease keeps the rows
 *       from being claimed again, and a claimer that read a row before another's claim committed re-checks it
 *       under the lock (PostgreSQL re-evaluates the WHERE clause on the new row version) and leaves it.</li>
 *   <li>{@code mark*}: {@code UPDATE ... WHERE id = ? AND status = 'IN_PROGRESS' AND claim_token = ?}, so only
 *       the current claim records an outcome ({@link #markRateLimited} also gives back the attempt its claim
 *       counted, so only the current claim can give one back).</li>
 * </ul>
 */
@ApplicationScoped
public class JpaNotificationOutbox implements NotificationOutbox {

    /** Every column of {@link OutboxMessage}, in the order {@link #toMessage} reads them. */
    private static final String COLUMNS = "id, template, channel, recipient, locale, variables, dedupe_key, status,"
            + " attempts, created_at, next_attempt_at, lease_until, claim_token, last_attempt_at, sent_at, last_error";

    private static final String FENCE = " WHERE id = ? AND status = 'IN_PROGRESS' AND claim_token = ?";

    @Override
    public List<OutboxMessage> claimDue(Instant now, Instant leaseUntil, int limit) {
        if (limit < 1) {
            return List.of();
        }
        EntityManager em = JpaTransactionRunner.current();
        Timestamp at = Timestamp.from(now);
        @SuppressWarnings("unchecked")
        List<Object> due = em.createNativeQuery("SELECT id FROM notification_outbox"
                        + " WHERE (status = 'PENDING' AND COALESCE(next_attempt_at, created_at) <= ?)"
                        + " OR (status = 'IN_PROGRESS' AND lease_until <= ?)"
                        + " ORDER BY COALESCE(next_attempt_at, created_at), id LIMIT ? FOR UPDATE SKIP LOCKED")
                .setParameter(1, at).setParameter(2, at).setParameter(3, limit).getResultList();
        if (due.isEmpty()) {
            return List.of();
        }
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < due.size(); i++) {
            values.append(i == 0 ? "" : ", ").append("(CAST(? AS UUID), CAST(? AS UUID))");
        }
        Query claim = em.createNativeQuery("UPDATE notification_outbox o SET status = 'IN_PROGRESS',"
                + " lease_until = ?, claim_token = c.token, attempts = o.attempts + 1, last_attempt_at = ?"
                + " FROM (VALUES " + values + ") AS c (id, token) WHERE o.id = c.id RETURNING "
                + COLUMNS.replaceAll("(\\w+)", "o.$1"));
        claim.setParameter(1, Timestamp.from(leaseUntil));
        claim.setParameter(2, at);
        int p = 3;
        for (Object id : due) {
            claim.setParameter(p++, JpaOrderRepository.asUuid(id).toString());
            claim.setParameter(p++, UUID.randomUUID().toString());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = claim.getResultList();
        List<OutboxMessage> claimed = new ArrayList<>(rows.stream().map(JpaNotificationOutbox::toMessage).toList());
        claimed.sort(Comparator.comparing(JpaNotificationOutbox::dueAt).thenComparing(OutboxMessage::id));
        return claimed;
    }

    private static Instant dueAt(OutboxMessage m) {
        return m.nextAttemptAt() == null ? m.createdAt() : m.nextAttemptAt();
    }

    @Override
    public boolean markSent(UUID id, UUID claimToken, Instant sentAt) {
        return fenced("UPDATE notification_outbox SET status = 'SENT', sent_at = ?, lease_until = NULL,"
                + " claim_token = NULL, last_error = NULL" + FENCE, id, claimToken, Timestamp.from(sentAt));
    }

    @Override
    public boolean markRetry(UUID id, UUID claimToken, Instant nextAttemptAt, String error) {
        return fenced("UPDATE notification_outbox SET status = 'PENDING', next_attempt_at = ?, last_error = ?,"
                + " sent_at = NULL, lease_until = NULL, claim_token = NULL" + FENCE,
                id, claimToken, Timestamp.from(nextAttemptAt), error);
    }

    /** Like {@link #markRetry}, giving back the attempt the claim counted (never below zero). */
    @Override
    public boolean markRateLimited(UUID id, UUID claimToken, Instant nextAttemptAt, String error) {
        return fenced("UPDATE notification_outbox SET status = 'PENDING', next_attempt_at = ?, last_error = ?,"
                + " attempts = GREATEST(attempts - 1, 0), sent_at = NULL, lease_until = NULL, claim_token = NULL"
                + FENCE, id, claimToken, Timestamp.from(nextAttemptAt), error);
    }

    @Override
    public boolean markFailed(UUID id, UUID claimToken, Instant at, String error) {
        return fenced("UPDATE notification_outbox SET status = 'FAILED', sent_at = ?, last_error = ?,"
                + " lease_until = NULL, claim_token = NULL" + FENCE, id, claimToken, Timestamp.from(at), error);
    }

    @Override
    public boolean markSkipped(UUID id, UUID claimToken, Instant at, String reason) {
        return fenced("UPDATE notification_outbox SET status = 'SKIPPED', sent_at = ?, last_error = ?,"
                + " lease_until = NULL, claim_token = NULL" + FENCE, id, claimToken, Timestamp.from(at), reason);
    }

    /** Runs an update whose leading parameters are {@code values} and whose last two are the id and claim token. */
    private static boolean fenced(String sql, UUID id, UUID claimToken, Object... values) {
        if (id == null || claimToken == null) {
            return false;
        }
        Query q = JpaTransactionRunner.current().createNativeQuery(sql);
        int p = 1;
        for (Object v : values) {
            q.setParameter(p++, v);
        }
        q.setParameter(p++, id);
        q.setParameter(p, claimToken);
        return q.executeUpdate() == 1;
    }

    @Override
    public Optional<OutboxMessage> findById(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = JpaTransactionRunner.current()
                .createNativeQuery("SELECT " + COLUMNS + " FROM notification_outbox WHERE id = ?")
                .setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(JpaNotificationOutbox::toMessage);
    }

    @Override
    public Page<OutboxMessage> search(OutboxHistoryFilter filter, PageRequest page) {
        OutboxHistoryFilter f = filter == null ? OutboxHistoryFilter.all() : filter;
        EntityManager em = JpaTransactionRunner.current();
        StringBuilder where = new StringBuilder(" FROM notification_outbox WHERE 1=1");
        List<Object> params = new ArrayList<>();
        if (f.event() != null) {
            where.append(" AND template = ?");
            params.add(f.event());
        }
        if (f.channel() != null) {
            where.append(" AND channel = ?");
            params.add(f.channel());
        }
        if (f.status() != null) {
            where.append(" AND status = ?");
            params.add(f.status().name());
        }
        if (f.recipientContains() != null && !f.recipientContains().isBlank()) {
            where.append(" AND LOWER(recipient) LIKE ? ESCAPE '\\'");
            params.add(containing(f.recipientContains()));
        }
        if (f.createdFrom() != null) {
            where.append(" AND created_at >= ?");
            params.add(Timestamp.from(f.createdFrom()));
        }
        if (f.createdBefore() != null) {
            where.append(" AND created_at < ?");
            params.add(Timestamp.from(f.createdBefore()));
        }
        Query count = em.createNativeQuery("SELECT COUNT(*)" + where);
        Query rows = em.createNativeQuery("SELECT " + COLUMNS + where
                + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?");
        for (int i = 0; i < params.size(); i++) {
            count.setParameter(i + 1, params.get(i));
            rows.setParameter(i + 1, params.get(i));
        }
        rows.setParameter(params.size() + 1, page.size());
        rows.setParameter(params.size() + 2, page.offset());
        long total = ((Number) count.getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> found = rows.getResultList();
        return new Page<>(found.stream().map(JpaNotificationOutbox::toMessage).toList(), page.page(), page.size(),
                total);
    }

    @Override
    public boolean resend(UUID id, Instant now) {
        Timestamp at = Timestamp.from(now);
        return JpaTransactionRunner.current().createNativeQuery("UPDATE notification_outbox SET status = 'PENDING',"
                        + " attempts = 0, next_attempt_at = ?, sent_at = NULL, last_error = NULL, lease_until = NULL,"
                        + " claim_token = NULL WHERE id = ? AND NOT (status = 'IN_PROGRESS' AND lease_until > ?)")
                .setParameter(1, at).setParameter(2, id).setParameter(3, at).executeUpdate() == 1;
    }

    /** A LIKE pattern matching values that contain {@code part} (case-insensitive: compare with LOWER). */
    static String containing(String part) {
        return "%" + part.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
    }

    private static OutboxMessage toMessage(Object[] r) {
        return new OutboxMessage(uuid(r[0]), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                VariablesJson.read((String) r[5]), (String) r[6], OutboxMessage.Status.valueOf((String) r[7]),
                ((Number) r[8]).intValue(), instant(r[9]), instant(r[10]), instant(r[11]), uuid(r[12]),
                instant(r[13]), instant(r[14]), (String) r[15]);
    }

    static UUID uuid(Object value) {
        return value == null ? null : JpaOrderRepository.asUuid(value);
    }

    /** A {@code TIMESTAMPTZ} as the driver hands it to a native query. */
    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.util.Date d) {
            return d.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        throw new IllegalArgumentException("cannot read an Instant from " + value.getClass());
    }
}
