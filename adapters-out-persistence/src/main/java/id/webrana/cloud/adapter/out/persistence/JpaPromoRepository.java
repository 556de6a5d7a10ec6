package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.adapter.out.persistence.entity.PromoEntity;
import id.webrana.cloud.application.port.out.PromoRepository;
import id.webrana.cloud.domain.catalog.Discount;
import id.webrana.cloud.domain.catalog.PlanPromo;
import id.webrana.cloud.domain.shared.BillingPeriod;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Plan promotions in {@code plan_promos}. */
@ApplicationScoped
public class JpaPromoRepository implements PromoRepository {

    @Override
    public List<PlanPromo> findAll() {
        return JpaTransactionRunner.current()
                .createQuery("SELECT p FROM PromoEntity p ORDER BY p.startsAt, p.id", PromoEntity.class)
                .getResultList().stream().map(JpaPromoRepository::toDomain).toList();
    }

    @Override
    public Optional<PlanPromo> findById(UUID id) {
        return Optional.ofNullable(JpaTransactionRunner.current().find(PromoEntity.class, id))
                .map(JpaPromoRepository::toDomain);
    }

    @Override
    public boolean delete(UUID id) {
        return JpaTransactionRunner.current().createQuery("DELETE FROM PromoEntity p WHERE p.id = :id")
                .setParameter("id", id).executeUpdate() > 0;
    }

    @Override
    public void deleteAllOf(UUID planId) {
        JpaTransactionRunner.current().createQuery("DELETE FROM PromoEntity p WHERE p.planId = :plan")
                .setParameter("plan", planId).executeUpdate();
    }

    private static PlanPromo toDomain(PromoEntity e) {
        return new PlanPromo(e.id, e.planId, BillingPeriod.valueOf(e.period), e.name,
                new Discount(Discount.Type.valueOf(e.discountType), e.discountValue), e.startsAt, e.endsAt, e.active);
    }

    @Override
    public void save(PlanPromo promo) {
        var em = JpaTransactionRunner.current();
        PromoEntity e = em.find(PromoEntity.class, promo.id());
        boolean isNew = e == null;
        if (isNew) {
            e = new PromoEntity();
            e.id = promo.id();
        }
        e.planId = promo.planId();
        e.period = promo.period().name();
        e.name = promo.name();
        e.discountType = promo.discount().type().name();
        e.discountValue = promo.discount().value();
        e.startsAt = promo.startsAt();
        e.endsAt = promo.endsAt();
        e.active = promo.active();
        if (isNew) {
            em.persist(e);
        }
    }
}
