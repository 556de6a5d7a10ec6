package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.adapter.out.persistence.entity.InstanceEventEntity;
import id.webrana.cloud.application.port.out.InstanceEventRepository;
import id.webrana.cloud.domain.provisioning.InstanceEvent;
import id.webrana.cloud.domain.shared.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.sql.Timestamp;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Instances' history ({@code instance_events}). Lines are inserted with native SQL, in the order they are
 * appended (the database numbers them, {@code seq}, which orders lines of the same instant); a lifecycle step
 * is recorded with {@code ON CONFLICT (instance_id, step_key) DO NOTHING}, so of two schedulers recording the
 * same step only one is told it did. Both first flush the transaction's pending changes (the instance a line
 * refers to may have been stored in this transaction).
 */
@ApplicationScoped
public class JpaInstanceEventRepository implements InstanceEventRepository {

    private static final String INSERT = "INSERT INTO instance_events (id, instance_id, type, actor_type, actor_id,"
            + " detail, step_key, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    @Override
    public void append(InstanceEvent event) {
        insert(INSERT, event).executeUpdate();
    }

    @Override
    public boolean recordStep(InstanceEvent event) {
        if (event.stepKey() == null) {
            throw new IllegalArgumentException("a lifecycle step needs a step key: " + event);
        }
        return insert(INSERT + " ON CONFLICT (instance_id, step_key) DO NOTHING", event).executeUpdate() == 1;
    }

    private static Query insert(String sql, InstanceEvent event) {
        EntityManager em = JpaTransactionRunner.current();
        em.flush();
        return em.createNativeQuery(sql)
                .setParameter(1, event.id()).setParameter(2, event.instanceId()).setParameter(3, event.type())
                .setParameter(4, event.actor().type().name()).setParameter(5, event.actor().id())
                .setParameter(6, event.detail()).setParameter(7, event.stepKey())
                .setParameter(8, Timestamp.from(event.at()));
    }

    @Override
    public Set<String> stepKeys(UUID instanceId) {
        List<String> keys = JpaTransactionRunner.current().createQuery("SELECT e.stepKey FROM InstanceEventEntity e"
                        + " WHERE e.instanceId = :i AND e.stepKey IS NOT NULL ORDER BY e.seq", String.class)
                .setParameter("i", instanceId).getResultList();
        return new LinkedHashSet<>(keys);
    }

    @Override
    public List<InstanceEvent> history(UUID instanceId, int limit) {
        if (limit < 1) {
            return List.of();
        }
        return JpaTransactionRunner.current().createQuery("SELECT e FROM InstanceEventEntity e"
                        + " WHERE e.instanceId = :i ORDER BY e.at DESC, e.seq DESC", InstanceEventEntity.class)
                .setParameter("i", instanceId).setMaxResults(limit).getResultList().stream()
                .map(JpaInstanceEventRepository::toDomain).toList();
    }

    static InstanceEvent toDomain(InstanceEventEntity e) {
        return new InstanceEvent(e.id, e.instanceId, e.type, new Actor(Actor.Type.valueOf(e.actorType), e.actorId),
                e.detail, e.stepKey, e.at);
    }
}
