package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.adapter.out.persistence.entity.InstanceEntity;
import id.webrana.cloud.application.port.out.InstanceRepository;
import id.webrana.cloud.domain.provisioning.Instance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Optional;
import java.util.UUID;

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
        } else {
            Versions.requireCurrent(e.version, i.version(), "Instance " + i.id());
        }
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
        if (isNew) {
            em.persist(e);
        }
    }

    @Override
    public Optional<Instance> findById(UUID id) {
        return Optional.ofNullable(JpaTransactionRunner.current().find(InstanceEntity.class, id)).map(JpaInstanceRepository::toDomain);
    }

    @Override
    public Optional<Instance> findByOrderId(UUID orderId) {
        return JpaTransactionRunner.current()
                .createQuery("SELECT i FROM InstanceEntity i WHERE i.orderId = :o", InstanceEntity.class)
                .setParameter("o", orderId).getResultStream().findFirst().map(JpaInstanceRepository::toDomain);
    }

    static Instance toDomain(InstanceEntity e) {
        return new Instance(e.id, e.orderId, e.userId, e.provider, e.providerServerId, e.hostname, e.region, e.sizeSlug,
                e.imageSlug, e.ipv4, e.ipv6, Instance.Status.valueOf(e.status), e.providerCreatedAt, e.createdAt,
                e.expiresAt, e.version);
    }
}
