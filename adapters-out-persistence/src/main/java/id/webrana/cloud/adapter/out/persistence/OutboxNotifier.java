package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.application.notification.NotificationPreferences;
import id.webrana.cloud.application.port.out.Notifier;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * Records notifications in {@code notification_outbox} inside the caller's transaction, as PENDING rows due at
 * once ({@code next_attempt_at} NULL). The row is inserted with {@code ON CONFLICT (dedupe_key) DO NOTHING}: a
 * second request with the same dedupe key, in this transaction, a later one or a concurrent one on another
 * server, is dropped without failing the producer's transaction. {@link JpaNotificationOutbox} delivers the rows.
 */
@ApplicationScoped
public class OutboxNotifier implements Notifier {

    private final Clock clock;

    public OutboxNotifier() {
        this(Clock.systemUTC());
    }

    /** With the clock that stamps {@code created_at} (tests). */
    public OutboxNotifier(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void notify(Notification n) {
        String locale = n.locale() == null || n.locale().isBlank()
                ? NotificationPreferences.DEFAULT_LANGUAGE : n.locale().trim();
        JpaTransactionRunner.current().createNativeQuery("INSERT INTO notification_outbox"
                        + " (id, template, channel, recipient, locale, variables, dedupe_key, status, attempts, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?) ON CONFLICT (dedupe_key) DO NOTHING")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, n.template())
                .setParameter(3, n.channel())
                .setParameter(4, n.recipient())
                .setParameter(5, locale)
                .setParameter(6, toJson(n.variables()))
                .setParameter(7, n.dedupeKey())
                .setParameter(8, Timestamp.from(clock.instant()))
                .executeUpdate();
    }

    static String toJson(Map<String, String> variables) {
        return VariablesJson.write(variables);
    }
}
