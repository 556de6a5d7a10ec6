package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.adapter.out.persistence.entity.UserAuditEventEntity;
import id.webrana.cloud.application.port.out.UserAuditLog;
import id.webrana.cloud.domain.account.UserAuditEvent;
import id.webrana.cloud.domain.shared.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

/** The accounts' audit trail ({@code user_audit_events}): inserted in the order recorded, never changed. */
@ApplicationScoped
public class JpaUserAuditLog implements UserAuditLog {

    /**
     * Inserts the line at once with native SQL (not at commit, where the persistence provider may reorder inserts),
     * so that the database numbers lines ({@code seq}) in the order they were recorded.
     */
    @Override
    public void record(UserAuditEvent event) {
        EntityManager em = JpaTransactionRunner.current();
        em.flush();
        em.createNativeQuery("INSERT INTO user_audit_events (id, user_id, type, actor_type, actor_id, detail, at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, event.id()).setParameter(2, event.userId()).setParameter(3, event.type().name())
                .setParameter(4, event.actor().type().name()).setParameter(5, event.actor().id())
                .setParameter(6, event.detail()).setParameter(7, Timestamp.from(event.at()))
                .executeUpdate();
    }

    @Override
    public List<UserAuditEvent> latestOf(UUID userId, int max) {
        if (max < 1) {
            return List.of();
        }
        var em = JpaTransactionRunner.current();
        em.flush();
        return em.createQuery("SELECT e FROM UserAuditEventEntity e WHERE e.userId = :u ORDER BY e.at DESC, e.seq DESC",
                        UserAuditEventEntity.class)
                .setParameter("u", userId).setMaxResults(max).getResultList().stream()
                .map(e -> new UserAuditEvent(e.id, e.userId, UserAuditEvent.Type.valueOf(e.type),
                        new Actor(Actor.Type.valueOf(e.actorType), e.actorId), e.detail, e.at))
                .toList();
    }
}
