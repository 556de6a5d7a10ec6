package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.adapter.out.persistence.entity.InAppNotificationEntity;
import id.webrana.cloud.application.notification.InAppNotification;
import id.webrana.cloud.application.port.out.InAppNotificationRepository;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The portal bell ({@code in_app_notifications}). Messages are added with
 * {@code INSERT ... ON CONFLICT (dedupe_key) DO NOTHING} (a redelivery, even a concurrent one, adds nothing and
 * never fails the dispatcher's transaction) and marked read with row-level updates; the reads refresh their
 * entities, so they see those updates within the same transaction.
 */
@ApplicationScoped
public class JpaInAppNotificationRepository implements InAppNotificationRepository {

    @Override
    public boolean add(InAppNotification n) {
        EntityManager em = JpaTransactionRunner.current();
        em.flush(); // a user stored earlier in this transaction must reach the database before their message
        String readAt = n.readAt() == null ? "NULL" : "?";
        var insert = em.createNativeQuery("INSERT INTO in_app_notifications (id, user_id, event, title, body,"
                        + " dedupe_key, created_at, read_at) VALUES (?, ?, ?, ?, ?, ?, ?, " + readAt + ")"
                        + " ON CONFLICT (dedupe_key) DO NOTHING")
                .setParameter(1, n.id()).setParameter(2, n.userId()).setParameter(3, n.event())
                .setParameter(4, n.title()).setParameter(5, n.body()).setParameter(6, n.dedupeKey())
                .setParameter(7, Timestamp.from(n.createdAt()));
        if (n.readAt() != null) {
            insert.setParameter(8, Timestamp.from(n.readAt()));
        }
        return insert.executeUpdate() == 1;
    }

    @Override
    public Page<InAppNotification> findByUser(UUID userId, PageRequest page) {
        EntityManager em = JpaTransactionRunner.current();
        long total = em.createQuery("SELECT COUNT(n) FROM InAppNotificationEntity n WHERE n.userId = :u", Long.class)
                .setParameter("u", userId).getSingleResult();
        List<InAppNotification> items = em.createQuery("SELECT n FROM InAppNotificationEntity n WHERE n.userId = :u"
                        + " ORDER BY n.createdAt DESC, n.id DESC", InAppNotificationEntity.class)
                .setParameter("u", userId).setHint(QueryHints.REFRESH, HintValues.TRUE)
                .setFirstResult(page.offset()).setMaxResults(page.size())
                .getResultList().stream().map(JpaInAppNotificationRepository::toDomain).toList();
        return new Page<>(items, page.page(), page.size(), total);
    }

    @Override
    public long countUnread(UUID userId) {
        return JpaTransactionRunner.current().createQuery("SELECT COUNT(n) FROM InAppNotificationEntity n"
                        + " WHERE n.userId = :u AND n.readAt IS NULL", Long.class)
                .setParameter("u", userId).getSingleResult();
    }

    @Override
    public boolean markRead(UUID userId, UUID notificationId, Instant at) {
        return JpaTransactionRunner.current().createNativeQuery("UPDATE in_app_notifications"
                        + " SET read_at = COALESCE(read_at, ?) WHERE id = ? AND user_id = ?")
                .setParameter(1, Timestamp.from(at)).setParameter(2, notificationId).setParameter(3, userId)
                .executeUpdate() == 1;
    }

    @Override
    public int markAllRead(UUID userId, Instant at) {
        return JpaTransactionRunner.current().createNativeQuery("UPDATE in_app_notifications SET read_at = ?"
                        + " WHERE user_id = ? AND read_at IS NULL")
                .setParameter(1, Timestamp.from(at)).setParameter(2, userId).executeUpdate();
    }

    static InAppNotification toDomain(InAppNotificationEntity e) {
        return new InAppNotification(e.id, e.userId, e.event, e.title, e.body, e.dedupeKey, e.createdAt, e.readAt);
    }
}
