package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.adapter.out.persistence.entity.ImageEntity;
import id.webrana.cloud.application.port.out.ImageRepository;
import id.webrana.cloud.domain.catalog.VpsImage;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaImageRepository implements ImageRepository {

    @Override
    public List<VpsImage> findAll(boolean activeOnly) {
        String jpql = "SELECT i FROM ImageEntity i" + (activeOnly ? " WHERE i.active = TRUE" : "") + " ORDER BY i.name";
        return JpaTransactionRunner.current().createQuery(jpql, ImageEntity.class).getResultList().stream()
                .map(JpaImageRepository::toDomain).toList();
    }

    @Override
    public Optional<VpsImage> findById(UUID id) {
        return Optional.ofNullable(JpaTransactionRunner.current().find(ImageEntity.class, id)).map(JpaImageRepository::toDomain);
    }

    @Override
    public void save(VpsImage image) {
        var em = JpaTransactionRunner.current();
        ImageEntity e = em.find(ImageEntity.class, image.id());
        boolean isNew = e == null;
        if (isNew) {
            e = new ImageEntity();
            e.id = image.id();
        } else {
            Versions.requireCurrent(e.version, image.version(), "Image " + image.id());
        }
        e.name = image.name();
        e.distribution = image.distribution();
        e.providerSlug = image.providerSlug();
        e.kind = image.kind().name();
        e.active = image.isActive();
        if (isNew) {
            em.persist(e);
        }
    }

    static VpsImage toDomain(ImageEntity e) {
        return new VpsImage(e.id, e.name, e.distribution, e.providerSlug, VpsImage.Kind.valueOf(e.kind), e.active, e.version);
    }
}
