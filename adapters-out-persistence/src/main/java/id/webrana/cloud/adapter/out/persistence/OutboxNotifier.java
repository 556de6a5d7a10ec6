package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.adapter.out.persistence.entity.OutboxMessageEntity;
import id.webrana.cloud.application.port.out.Notifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Records notifications in {@code notification_outbox} inside the caller's transaction. A second
 * request with the same dedupe key is dropped (checked here; the unique index is the backstop).
 * Delivery (email, Telegram) reads the table; it comes with the notifications feature.
 */
@ApplicationScoped
public class OutboxNotifier implements Notifier {

    @Override
    public void notify(Notification n) {
        EntityManager em = JpaTransactionRunner.current();
        boolean known = !em.createQuery("SELECT m.id FROM OutboxMessageEntity m WHERE m.dedupeKey = :k", UUID.class)
                .setParameter("k", n.dedupeKey()).setMaxResults(1).getResultList().isEmpty();
        if (known) {
            return;
        }
        OutboxMessageEntity e = new OutboxMessageEntity();
        e.id = UUID.randomUUID();
        e.template = n.template();
        e.channel = n.channel();
        e.recipient = n.recipient();
        e.locale = n.locale();
        e.variables = toJson(n.variables());
        e.dedupeKey = n.dedupeKey();
        e.status = "PENDING";
        e.createdAt = Instant.now();
        em.persist(e);
    }

    static String toJson(Map<String, String> variables) {
        StringBuilder sb = new StringBuilder("{");
        new TreeMap<>(variables).forEach((k, v) -> {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append(quote(k)).append(':').append(quote(v));
        });
        return sb.append('}').toString();
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
