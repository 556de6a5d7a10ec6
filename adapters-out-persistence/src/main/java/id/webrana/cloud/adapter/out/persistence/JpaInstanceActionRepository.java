package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.adapter.out.persistence.entity.InstanceActionEntity;
import id.webrana.cloud.application.port.out.InstanceActionRepository;
import id.webrana.cloud.domain.provisioning.ActionType;
import id.webrana.cloud.domain.provisioning.InstanceAction;
import id.webrana.cloud.domain.shared.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Actions asked of servers ({@code instance_actions}). The rule "one action in progress per server" is the
 * partial unique index {@code ux_instance_actions_one_in_progress}: a new IN_PROGRESS action is inserted at once
 * ({@link #save} flushes), so a concurrent second one fails right there with {@code ACTION_IN_PROGRESS}
 * ({@link JpaTransactionRunner#uniqueViolation}), before the caller does anything else. The poller claims
 * in-progress actions with {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class JpaInstanceActionRepository implements InstanceActionRepository {

    @Override
    public void save(InstanceAction a) {
        EntityManager em = JpaTransactionRunner.current();
        InstanceActionEntity e = em.find(InstanceActionEntity.class, a.id());
        boolean isNew = e == null;
        if (isNew) {
            e = new InstanceActionEntity();
            e.id = a.id();
        } else if (!e.savedInThisTransaction) {
            Versions.requireCurrent(e.version, a.version(), "Action " + a.id());
        }
        e.savedInThisTransaction = true;
        e.instanceId = a.instanceId();
        e.type = a.type().name();
        e.status = a.status().name();
        e.providerActionId = a.providerActionId();
        e.requestedByType = a.requestedBy().type().name();
        e.requestedById = a.requestedBy().id();
        e.requestedAt = a.requestedAt();
        e.completedAt = a.completedAt();
        e.error = a.error();
        if (isNew) {
            em.persist(e);
            try {
                em.flush();
            } catch (PersistenceException ex) {
                RuntimeException mapped = JpaTransactionRunner.uniqueViolation(ex);
                throw mapped != null ? mapped : ex;
            }
        }
    }

    @Override
    public Optional<InstanceAction> findById(UUID id) {
        return Optional.ofNullable(JpaTransactionRunner.current().find(InstanceActionEntity.class, id))
                .map(JpaInstanceActionRepository::toDomain);
    }

    @Override
    public Optional<InstanceAction> findInProgress(UUID instanceId) {
        return JpaTransactionRunner.current().createQuery("SELECT a FROM InstanceActionEntity a"
                        + " WHERE a.instanceId = :i AND a.status = 'IN_PROGRESS'", InstanceActionEntity.class)
                .setParameter("i", instanceId).getResultStream().findFirst()
                .map(JpaInstanceActionRepository::toDomain);
    }

    @Override
    public int countRequestedSince(UUID instanceId, Instant since) {
        return JpaTransactionRunner.current().createQuery("SELECT COUNT(a) FROM InstanceActionEntity a"
                        + " WHERE a.instanceId = :i AND a.requestedAt >= :since", Long.class)
                .setParameter("i", instanceId).setParameter("since", since).getSingleResult().intValue();
    }

    @Override
    public List<InstanceAction> recent(UUID instanceId, int limit) {
        if (limit < 1) {
            return List.of();
        }
        return JpaTransactionRunner.current().createQuery("SELECT a FROM InstanceActionEntity a"
                        + " WHERE a.instanceId = :i ORDER BY a.requestedAt DESC, a.id DESC", InstanceActionEntity.class)
                .setParameter("i", instanceId).setMaxResults(limit).getResultList().stream()
                .map(JpaInstanceActionRepository::toDomain).toList();
    }

    @Override
    public List<InstanceAction> claimInProgress(int max) {
        if (max < 1) {
            return List.of();
        }
        EntityManager em = JpaTransactionRunner.current();
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("SELECT id FROM instance_actions WHERE status = 'IN_PROGRESS'"
                        + " ORDER BY requested_at, id LIMIT ? FOR UPDATE SKIP LOCKED")
                .setParameter(1, max).getResultList();
        return ids.stream().map(id -> toDomain(em.find(InstanceActionEntity.class, JpaOrderRepository.asUuid(id))))
                .toList();
    }

    static InstanceAction toDomain(InstanceActionEntity e) {
        return new InstanceAction(e.id, e.instanceId, ActionType.valueOf(e.type),
                InstanceAction.Status.valueOf(e.status), e.providerActionId,
                new Actor(Actor.Type.valueOf(e.requestedByType), e.requestedById), e.requestedAt, e.completedAt,
                e.error, e.version);
    }
}
