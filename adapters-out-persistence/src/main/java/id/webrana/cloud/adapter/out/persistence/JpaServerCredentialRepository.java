package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.adapter.out.persistence.entity.ServerCredentialEntity;
import id.webrana.cloud.application.port.out.ServerCredentialRepository;
import id.webrana.cloud.domain.provisioning.ServerCredential;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Root passwords on their way ({@code server_credentials}). {@link #findPendingResetForUpdate} locks the row
 * until the transaction ends, so that a password meant to be delivered once cannot be handed to two concurrent
 * agent requests.
 */
@ApplicationScoped
public class JpaServerCredentialRepository implements ServerCredentialRepository {

    @Override
    public void save(ServerCredential c) {
        EntityManager em = JpaTransactionRunner.current();
        ServerCredentialEntity e = em.find(ServerCredentialEntity.class, c.id());
        boolean isNew = e == null;
        if (isNew) {
            e = new ServerCredentialEntity();
            e.id = c.id();
        }
        e.instanceId = c.instanceId();
        e.kind = c.kind().name();
        e.actionId = c.actionId();
        e.secret = c.secret();
        e.createdAt = c.createdAt();
        e.revealedAt = c.revealedAt();
        e.deliveredAt = c.deliveredAt();
        if (isNew) {
            em.persist(e);
        }
    }

    /**
     * The instance's initial credential, shown or not: revealing it a second time is refused by
     * {@link ServerCredential#reveal} ({@code PASSWORD_ALREADY_SHOWN}). Not locked: callers that reveal it hold
     * the instance's row lock.
     */
    @Override
    public Optional<ServerCredential> findInitial(UUID instanceId) {
        return JpaTransactionRunner.current().createQuery("SELECT c FROM ServerCredentialEntity c"
                        + " WHERE c.instanceId = :i AND c.kind = 'INITIAL' ORDER BY c.createdAt DESC",
                        ServerCredentialEntity.class)
                .setParameter("i", instanceId).setMaxResults(1).getResultStream().findFirst()
                .map(JpaServerCredentialRepository::toDomain);
    }

    @Override
    public Optional<ServerCredential> findPendingResetForUpdate(UUID instanceId) {
        EntityManager em = JpaTransactionRunner.current();
        em.flush(); // a reset stored earlier in this transaction must be visible to the native query
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("SELECT id FROM server_credentials WHERE instance_id = ?"
                        + " AND kind = 'RESET' AND delivered_at IS NULL AND secret IS NOT NULL"
                        + " ORDER BY created_at DESC, id LIMIT 1 FOR UPDATE")
                .setParameter(1, instanceId).getResultList();
        // locked again through the entity manager, which refreshes a row this transaction had read before
        return ids.stream().findFirst()
                .map(id -> em.find(ServerCredentialEntity.class, JpaOrderRepository.asUuid(id),
                        LockModeType.PESSIMISTIC_WRITE))
                .map(JpaServerCredentialRepository::toDomain);
    }

    @Override
    public Optional<ServerCredential> findByAction(UUID actionId) {
        return JpaTransactionRunner.current().createQuery("SELECT c FROM ServerCredentialEntity c"
                        + " WHERE c.actionId = :a ORDER BY c.createdAt DESC", ServerCredentialEntity.class)
                .setParameter("a", actionId).setMaxResults(1).getResultStream().findFirst()
                .map(JpaServerCredentialRepository::toDomain);
    }

    static ServerCredential toDomain(ServerCredentialEntity e) {
        return new ServerCredential(e.id, e.instanceId, ServerCredential.Kind.valueOf(e.kind), e.actionId, e.secret,
                e.createdAt, e.revealedAt, e.deliveredAt);
    }
}
