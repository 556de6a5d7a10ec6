package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.adapter.out.persistence.entity.ProvisioningTaskEntity;
import id.webrana.cloud.application.port.out.ProvisioningTaskRepository;
import id.webrana.cloud.domain.provisioning.ProvisioningTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Provisioning tasks; workers claim them with {@code FOR UPDATE SKIP LOCKED}. */
@ApplicationScoped
public class JpaProvisioningTaskRepository implements ProvisioningTaskRepository {

    @Override
    public void save(ProvisioningTask t) {
        EntityManager em = JpaTransactionRunner.current();
        ProvisioningTaskEntity e = em.find(ProvisioningTaskEntity.class, t.id());
        boolean isNew = e == null;
        if (isNew) {
            e = new ProvisioningTaskEntity();
            e.id = t.id();
        } else {
            Versions.requireCurrent(e.version, t.version(), "Provisioning task " + t.id());
        }
        e.orderId = t.orderId();
        e.status = t.status().name();
        e.providerServerId = t.providerServerId();
        e.attempts = t.attempts();
        e.nextAttemptAt = t.nextAttemptAt();
        e.deadline = t.deadline();
        e.lastError = t.lastError();
        e.createdAt = t.createdAt();
        e.updatedAt = t.updatedAt();
        e.rootPassword = t.rootPassword();
        e.agentToken = t.agentToken();
        if (isNew) {
            em.persist(e);
        }
    }

    @Override
    public Optional<ProvisioningTask> findByOrderId(UUID orderId) {
        return JpaTransactionRunner.current()
                .createQuery("SELECT t FROM ProvisioningTaskEntity t WHERE t.orderId = :o", ProvisioningTaskEntity.class)
                .setParameter("o", orderId).getResultStream().findFirst().map(JpaProvisioningTaskRepository::toDomain);
    }

    @Override
    public Optional<ProvisioningTask> claimNextDue(Instant now) {
        EntityManager em = JpaTransactionRunner.current();
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("SELECT id FROM provisioning_tasks"
                        + " WHERE status IN ('PENDING', 'WAITING_FOR_SERVER') AND next_attempt_at <= ?"
                        + " ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED")
                .setParameter(1, Timestamp.from(now)).getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(toDomain(em.find(ProvisioningTaskEntity.class, JpaOrderRepository.asUuid(ids.get(0)))));
    }

    static ProvisioningTask toDomain(ProvisioningTaskEntity e) {
        return new ProvisioningTask(e.id, e.orderId, ProvisioningTask.Status.valueOf(e.status), e.providerServerId,
                e.attempts, e.nextAttemptAt, e.deadline, e.lastError, e.createdAt, e.updatedAt, e.rootPassword,
                e.agentToken, e.version);
    }
}
