package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.adapter.out.persistence.entity.NotificationTemplateEntity;
import id.webrana.cloud.application.notification.NotificationTemplate;
import id.webrana.cloud.application.port.out.NotificationTemplateRepository;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Notification templates ({@code notification_templates}, seeded with the catalog's defaults by
 * {@code 0004-notification-templates.sql}). Read fresh on every call (no cache).
 *
 * <p>A template not stored yet is inserted at the version it carries (the defaults' 0), with SQL so that the
 * version is exactly that. A stored one is updated through its entity's {@code @Version}: the version read must
 * be the one stored, and the update is written at once ({@code UPDATE ... SET version = v + 1 WHERE version = v},
 * forced even when the texts did not change), so an edit racing another one fails with CONCURRENT_MODIFICATION
 * instead of overwriting it.
 */
@ApplicationScoped
public class JpaNotificationTemplateRepository implements NotificationTemplateRepository {

    @Override
    public List<NotificationTemplate> findAll() {
        return JpaTransactionRunner.current().createQuery("SELECT t FROM NotificationTemplateEntity t"
                        + " ORDER BY t.event, t.channel, t.language", NotificationTemplateEntity.class)
                .getResultList().stream().map(JpaNotificationTemplateRepository::toDomain).toList();
    }

    @Override
    public Optional<NotificationTemplate> findById(UUID id) {
        return Optional.ofNullable(JpaTransactionRunner.current().find(NotificationTemplateEntity.class, id))
                .map(JpaNotificationTemplateRepository::toDomain);
    }

    @Override
    public Optional<NotificationTemplate> find(String event, String channel, String language) {
        return JpaTransactionRunner.current().createQuery("SELECT t FROM NotificationTemplateEntity t"
                        + " WHERE t.event = :e AND t.channel = :c AND t.language = :l", NotificationTemplateEntity.class)
                .setParameter("e", event).setParameter("c", channel).setParameter("l", language)
                .getResultStream().findFirst().map(JpaNotificationTemplateRepository::toDomain);
    }

    /**
     * @throws DomainException CONCURRENT_MODIFICATION when the stored version is not the template's, or another
     *         transaction changed the row meanwhile (or stored the same template first)
     */
    @Override
    public void save(NotificationTemplate t) {
        EntityManager em = JpaTransactionRunner.current();
        NotificationTemplateEntity e = em.find(NotificationTemplateEntity.class, t.id());
        if (e == null) {
            insert(em, t);
            return;
        }
        Versions.requireCurrent(e.version, t.version(),
                "The notification template " + t.event() + "/" + t.channel() + "/" + t.language());
        e.event = t.event();
        e.channel = t.channel();
        e.language = t.language();
        e.subject = t.subject();
        e.body = t.body();
        e.updatedAt = t.updatedAt();
        e.updatedBy = t.updatedBy();
        try {
            em.lock(e, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            em.flush();
        } catch (PersistenceException ex) {
            if (lostRace(ex)) {
                throw concurrentModification(t);
            }
            RuntimeException unique = JpaTransactionRunner.uniqueViolation(ex);
            throw unique != null ? unique : ex;
        }
    }

    private static boolean lostRace(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof jakarta.persistence.OptimisticLockException
                    || c instanceof org.eclipse.persistence.exceptions.OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    private static void insert(EntityManager em, NotificationTemplate t) {
        Query insert = em.createNativeQuery("INSERT INTO notification_templates (id, event, channel, language,"
                + " subject, body, version, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, "
                + (t.updatedAt() == null ? "NULL" : "?") + ", " + (t.updatedBy() == null ? "NULL" : "?") + ")")
                .setParameter(1, t.id()).setParameter(2, t.event()).setParameter(3, t.channel())
                .setParameter(4, t.language()).setParameter(5, t.subject()).setParameter(6, t.body())
                .setParameter(7, t.version());
        int p = 8;
        if (t.updatedAt() != null) {
            insert.setParameter(p++, Timestamp.from(t.updatedAt()));
        }
        if (t.updatedBy() != null) {
            insert.setParameter(p, t.updatedBy());
        }
        try {
            insert.executeUpdate();
        } catch (PersistenceException ex) {
            RuntimeException unique = JpaTransactionRunner.uniqueViolation(ex);
            throw unique != null ? unique : ex;
        }
    }

    private static DomainException concurrentModification(NotificationTemplate t) {
        return new DomainException(ErrorCode.CONCURRENT_MODIFICATION, "The notification template " + t.event() + "/"
                + t.channel() + "/" + t.language() + " was changed by someone else meanwhile; reload and try again");
    }

    static NotificationTemplate toDomain(NotificationTemplateEntity e) {
        return new NotificationTemplate(e.id, e.event, e.channel, e.language, e.subject, e.body, e.version,
                e.updatedAt, e.updatedBy);
    }
}
