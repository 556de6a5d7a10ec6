package id.webrana.cloud.application.fakes;

import id.webrana.cloud.application.notification.OutboxHistoryFilter;
import id.webrana.cloud.application.notification.OutboxMessage;
import id.webrana.cloud.application.notification.OutboxMessage.Status;
import id.webrana.cloud.application.port.out.NotificationOutbox;
import id.webrana.cloud.application.port.out.Notifier;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The outbox table in memory, both sides: {@link Notifier} (enqueue, dropping a known dedupe key) and
 * {@link NotificationOutbox} (claim with leases, fenced updates), with the semantics the port's Javadoc asks of
 * the SQL implementation. Every method is atomic (synchronized), standing for {@code FOR UPDATE SKIP LOCKED}:
 * two dispatchers claiming at once never get the same row, and a claimed row is leased until {@code leaseUntil}.
 */
public final class InMemoryNotificationOutbox implements NotificationOutbox, Notifier, TransactionalResource {

    private final Clock clock;
    private Map<UUID, OutboxMessage> rows = new LinkedHashMap<>();

    public InMemoryNotificationOutbox(Clock clock) {
        this.clock = clock;
    }

    // ------------------------------------------------------------------ Notifier

    @Override
    public synchronized void notify(Notification n) {
        if (rows.values().stream().anyMatch(r -> r.dedupeKey().equals(n.dedupeKey()))) {
            return;
        }
        OutboxMessage m = OutboxMessage.pending(n.template(), n.channel(), n.recipient(), n.locale(), n.variables(),
                n.dedupeKey(), clock.instant());
        rows.put(m.id(), m);
    }

    // ------------------------------------------------------------------ NotificationOutbox

    @Override
    public synchronized List<OutboxMessage> claimDue(Instant now, Instant leaseUntil, int limit) {
        List<OutboxMessage> due = rows.values().stream()
                .filter(r -> r.status() == Status.PENDING && !dueAt(r).isAfter(now)
                        || r.status() == Status.IN_PROGRESS && !r.leaseUntil().isAfter(now))
                .sorted(Comparator.comparing(InMemoryNotificationOutbox::dueAt))
                .limit(limit)
                .toList();
        List<OutboxMessage> claimed = new ArrayList<>();
        for (OutboxMessage r : due) {
            OutboxMessage c = r.with(Status.IN_PROGRESS, r.attempts() + 1, r.nextAttemptAt(), leaseUntil,
                    UUID.randomUUID(), now, r.sentAt(), r.lastError());
            rows.put(c.id(), c);
            claimed.add(c);
        }
        return claimed;
    }

    private static Instant dueAt(OutboxMessage r) {
        return r.nextAttemptAt() == null ? r.createdAt() : r.nextAttemptAt();
    }

    @Override
    public synchronized boolean markSent(UUID id, UUID claimToken, Instant sentAt) {
        return update(id, claimToken, r -> r.with(Status.SENT, r.attempts(), r.nextAttemptAt(), null, null,
                r.lastAttemptAt(), sentAt, null));
    }

    @Override
    public synchronized boolean markRetry(UUID id, UUID claimToken, Instant nextAttemptAt, String error) {
        return update(id, claimToken, r -> r.with(Status.PENDING, r.attempts(), nextAttemptAt, null, null,
                r.lastAttemptAt(), null, error));
    }

    @Override
    public synchronized boolean markRateLimited(UUID id, UUID claimToken, Instant nextAttemptAt, String error) {
        return update(id, claimToken, r -> r.with(Status.PENDING, Math.max(0, r.attempts() - 1), nextAttemptAt, null,
                null, r.lastAttemptAt(), null, error));
    }

    @Override
    public synchronized boolean markFailed(UUID id, UUID claimToken, Instant at, String error) {
        return update(id, claimToken, r -> r.with(Status.FAILED, r.attempts(), r.nextAttemptAt(), null, null,
                r.lastAttemptAt(), at, error));
    }

    @Override
    public synchronized boolean markSkipped(UUID id, UUID claimToken, Instant at, String reason) {
        return update(id, claimToken, r -> r.with(Status.SKIPPED, r.attempts(), r.nextAttemptAt(), null, null,
                r.lastAttemptAt(), at, reason));
    }

    private boolean update(UUID id, UUID claimToken, java.util.function.UnaryOperator<OutboxMessage> change) {
        OutboxMessage r = rows.get(id);
        if (r == null || r.status() != Status.IN_PROGRESS || !r.claimToken().equals(claimToken)) {
            return false;
        }
        rows.put(id, change.apply(r));
        return true;
    }

    @Override
    public synchronized Optional<OutboxMessage> findById(UUID id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public synchronized Page<OutboxMessage> search(OutboxHistoryFilter filter, PageRequest page) {
        List<OutboxMessage> all = rows.values().stream().filter(filter::matches)
                .sorted(Comparator.comparing(OutboxMessage::createdAt).reversed()).toList();
        return new Page<>(all.stream().skip(page.offset()).limit(page.size()).toList(), page.page(), page.size(),
                all.size());
    }

    @Override
    public synchronized boolean resend(UUID id, Instant now) {
        OutboxMessage r = rows.get(id);
        if (r == null || r.status() == Status.IN_PROGRESS && r.leaseUntil().isAfter(now)) {
            return false;
        }
        rows.put(id, r.with(Status.PENDING, 0, now, null, null, r.lastAttemptAt(), null, null));
        return true;
    }

    // ------------------------------------------------------------------ for tests

    public synchronized List<OutboxMessage> all() {
        return List.copyOf(rows.values());
    }

    public synchronized List<OutboxMessage> withStatus(Status status) {
        return rows.values().stream().filter(r -> r.status() == status).toList();
    }

    /** The row with this dedupe key, failing if there is none. */
    public synchronized OutboxMessage byKey(String dedupeKey) {
        return rows.values().stream().filter(r -> r.dedupeKey().equals(dedupeKey)).findFirst()
                .orElseThrow(() -> new AssertionError("no outbox row " + dedupeKey + " in " + rows.values()));
    }

    @Override
    public synchronized Object snapshot() {
        return new LinkedHashMap<>(rows);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        rows = new LinkedHashMap<>((Map<UUID, OutboxMessage>) snapshot);
    }
}
