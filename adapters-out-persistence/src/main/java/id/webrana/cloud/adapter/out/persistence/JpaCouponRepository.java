package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.adapter.out.persistence.entity.CouponEntity;
import id.webrana.cloud.adapter.out.persistence.entity.CouponRedemptionEntity;
import id.webrana.cloud.application.port.out.CouponRepository;
import id.webrana.cloud.domain.catalog.Coupon;
import id.webrana.cloud.domain.catalog.Discount;
import id.webrana.cloud.domain.shared.BillingPeriod;
import id.webrana.cloud.domain.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class JpaCouponRepository implements CouponRepository {

    @Override
    public List<Coupon> findAll() {
        return JpaTransactionRunner.current().createQuery("SELECT c FROM CouponEntity c ORDER BY c.code", CouponEntity.class)
                .getResultList().stream().map(JpaCouponRepository::toDomain).toList();
    }

    @Override
    public Optional<Coupon> findByCode(String normalizedCode) {
        return JpaTransactionRunner.current()
                .createQuery("SELECT c FROM CouponEntity c WHERE c.code = :code", CouponEntity.class)
                .setParameter("code", normalizedCode).getResultStream().findFirst().map(JpaCouponRepository::toDomain);
    }

    @Override
    public Optional<Coupon> findById(UUID id) {
        return Optional.ofNullable(JpaTransactionRunner.current().find(CouponEntity.class, id)).map(JpaCouponRepository::toDomain);
    }

    @Override
    public void save(Coupon coupon) {
        var em = JpaTransactionRunner.current();
        CouponEntity e = em.find(CouponEntity.class, coupon.id());
        boolean isNew = e == null;
        if (isNew) {
            e = new CouponEntity();
            e.id = coupon.id();
        } else {
            Versions.requireCurrent(e.version, coupon.version(), "Coupon " + coupon.code());
        }
        Coupon.Terms t = coupon.terms();
        e.code = coupon.code();
        e.discountType = t.discount().type().name();
        e.discountValue = t.discount().value();
        e.maxDiscount = t.maxDiscount() == null ? null : t.maxDiscount().rupiah();
        e.validFrom = t.validFrom();
        e.validUntil = t.validUntil();
        e.totalLimit = t.totalLimit();
        e.perUserLimit = t.perUserLimit();
        e.minimumOrder = t.minimumOrder() == null ? null : t.minimumOrder().rupiah();
        e.allowedPlanIds = Versions.join(t.allowedPlanIds());
        e.allowedPeriods = Versions.join(t.allowedPeriods());
        e.active = coupon.isActive();
        e.redemptionCount = coupon.redemptionCount();
        if (isNew) {
            em.persist(e);
        }
    }

    @Override
    public int countRedemptions(UUID couponId, UUID userId) {
        Long n = JpaTransactionRunner.current()
                .createQuery("SELECT COUNT(r) FROM CouponRedemptionEntity r WHERE r.couponId = :c AND r.userId = :u", Long.class)
                .setParameter("c", couponId).setParameter("u", userId).getSingleResult();
        return n.intValue();
    }

    @Override
    public void recordRedemption(UUID couponId, UUID userId, UUID orderId, Instant at) {
        CouponRedemptionEntity e = new CouponRedemptionEntity();
        e.id = UUID.randomUUID();
        e.couponId = couponId;
        e.userId = userId;
        e.orderId = orderId;
        e.redeemedAt = at;
        JpaTransactionRunner.current().persist(e);
    }

    @Override
    public boolean removeRedemption(UUID couponId, UUID orderId) {
        return JpaTransactionRunner.current()
                .createQuery("DELETE FROM CouponRedemptionEntity r WHERE r.couponId = :c AND r.orderId = :o")
                .setParameter("c", couponId).setParameter("o", orderId).executeUpdate() > 0;
    }

    static Coupon toDomain(CouponEntity e) {
        Coupon.Terms terms = new Coupon.Terms(new Discount(Discount.Type.valueOf(e.discountType), e.discountValue),
                e.maxDiscount == null ? null : Money.rupiah(e.maxDiscount), e.validFrom, e.validUntil, e.totalLimit,
                e.perUserLimit, e.minimumOrder == null ? null : Money.rupiah(e.minimumOrder),
                Versions.split(e.allowedPlanIds).stream().map(UUID::fromString).collect(Collectors.toSet()),
                Versions.split(e.allowedPeriods).stream().map(BillingPeriod::valueOf).collect(Collectors.toSet()));
        return new Coupon(e.id, e.code, terms, e.active, e.redemptionCount, e.version);
    }
}
