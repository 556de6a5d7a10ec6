package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.adapter.out.persistence.entity.InstanceEntity;
import id.webrana.cloud.application.port.out.InstanceRepository;
import id.webrana.cloud.domain.provisioning.Instance;
import id.webrana.cloud.domain.shared.BillingPeriod;
import id.webrana.cloud.domain.shared.Money;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Customers' servers ({@code instances}). The lifecycle scheduler claims due instances with
 * {@code FOR UPDATE SKIP LOCKED}, so several schedulers (threads or servers) never work on the same one.
 */
@ApplicationScoped
public class JpaInstanceRepository implements InstanceRepository {

    @Override
    public void save(Instance i) {
        EntityManager em = JpaTransactionRunner.current();
        InstanceEntity e = em.find(InstanceEntity.class, i.id());
        boolean isNew = e == null;
        if (isNew) {
            e = new InstanceEntity();
            e.id = i.id();
        } else if (!e.savedInThisTransaction) {
            Versions.requireCurrent(e.version, i.version(), "Instance " + i.id());
        }
        e.savedInThisTransaction = true;
        e.orderId = i.orderId();
        e.userId = i.userId();
        e.provider = i.provider();
        e.providerServerId = i.providerServerId();
        e.hostname = i.hostname();
        e.region = i.region();
        e.sizeSlug = i.sizeSlug();
        e.imageSlug = i.imageSlug();
        e.ipv4 = i.ipv4();
        e.ipv6 = i.ipv6();
        e.status = i.status().name();
        e.providerCreatedAt = i.providerCreatedAt();
        e.createdAt = i.createdAt();
        e.expiresAt = i.expiresAt();
        e.period = i.period().name();
        e.renewalPrice = i.renewalPrice().rupiah();
        e.autoRenew = i.autoRenew();
        e.suspension = i.suspension() == null ? null : i.suspension().name();
        e.suspendedAt = i.suspendedAt();
        e.terminatedAt = i.terminatedAt();
        e.statusReason = i.statusReason();
        e.nextLifecycleAt = i.nextLifecycleAt();
        e.agentTokenHash = i.agentTokenHash();
        e.agentTokenPendingHash = i.agentTokenPendingHash();
        e.agentTokenRotated = i.agentTokenRotated();
        if (isNew) {
            em.persist(e);
        }
    }

    @Override
    public Optional<Instance> findById(UUID id) {
        return Optional.ofNullable(JpaTransactionRunner.current().find(InstanceEntity.class, id))
                .map(JpaInstanceRepository::toDomain);
    }

    @Override
    public Optional<Instance> findByIdForUpdate(UUID id) {
        return Optional.ofNullable(JpaTransactionRunner.current()
                        .find(InstanceEntity.class, id, LockModeType.PESSIMISTIC_WRITE))
                .map(JpaInstanceRepository::toDomain);
    }

    @Override
    public Optional<Instance> findByOrderId(UUID orderId) {
        return JpaTransactionRunner.current()
                .createQuery("SELECT i FROM InstanceEntity i WHERE i.orderId = :o", InstanceEntity.class)
                .setParameter("o", orderId).getResultStream().findFirst().map(JpaInstanceRepository::toDomain);
    }

    @Override
    public List<Instance> findByUser(UUID userId) {
        return JpaTransactionRunner.current()
                .createQuery("SELECT i FROM InstanceEntity i WHERE i.userId = :u ORDER BY i.createdAt DESC, i.id",
                        InstanceEntity.class)
                .setParameter("u", userId).getResultList().stream().map(JpaInstanceRepository::toDomain).toList();
    }

    @Override
    public List<Instance> claimDueForLifecycle(Instant now, int max) {
        if (max < 1) {
            return List.of();
        }
        EntityManager em = JpaTransactionRunner.current();
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("SELECT id FROM instances"
                        + " WHERE next_lifecycle_at <= ? AND status <> 'TERMINATED'"
                        + " ORDER BY next_lifecycle_at, id LIMIT ? FOR UPDATE SKIP LOCKED")
                .setParameter(1, Timestamp.from(now)).setParameter(2, max).getResultList();
        return load(em, ids);
    }

    @Override
    public Page<Instance> search(InstanceSearch c, PageRequest page) {
        EntityManager em = JpaTransactionRunner.current();
        PagedSearch q = new PagedSearch("instances i");
        if (c.status() != null && !c.status().isBlank()) {
            q.and("i.status = ?", c.status().trim().toUpperCase(Locale.ROOT));
        }
        if (c.userId() != null) {
            q.and("i.user_id = ?", c.userId());
        }
        if (c.text() != null && !c.text().isBlank()) {
            String like = PagedSearch.likePattern(c.text().trim());
            q.and("(i.hostname ILIKE ? OR i.ipv4 ILIKE ? OR i.provider_server_id ILIKE ?)", like, like, like);
        }
        return q.fetch(em, "i.id", "i.created_at DESC, i.id", page, found -> load(em, found));
    }

    /** The instances of {@code ids}, in that order. */
    private static List<Instance> load(EntityManager em, List<Object> ids) {
        return ids.stream().map(id -> toDomain(em.find(InstanceEntity.class, JpaOrderRepository.asUuid(id)))).toList();
    }

    static Instance toDomain(InstanceEntity e) {
        return new Instance(e.id, e.orderId, e.userId, e.provider, e.providerServerId, e.hostname, e.region,
                e.sizeSlug, e.imageSlug, e.ipv4, e.ipv6, Instance.Status.valueOf(e.status), e.providerCreatedAt,
                e.createdAt, e.expiresAt, BillingPeriod.valueOf(e.period), Money.rupiah(e.renewalPrice), e.autoRenew,
                e.suspension == null ? null : Instance.Suspension.valueOf(e.suspension), e.suspendedAt,
                e.terminatedAt, e.statusReason, e.nextLifecycleAt, e.agentTokenHash, e.agentTokenPendingHash,
                e.agentTokenRotated, e.version);
    }
}
