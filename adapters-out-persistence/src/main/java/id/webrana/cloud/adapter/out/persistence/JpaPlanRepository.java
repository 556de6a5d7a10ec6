package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.adapter.out.persistence.entity.PlanEntity;
import id.webrana.cloud.application.port.out.PlanRepository;
import id.webrana.cloud.domain.catalog.VpsPlan;
import id.webrana.cloud.domain.shared.BillingPeriod;
import id.webrana.cloud.domain.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Plans in {@code vps_plans} with their {@code plan_prices} and {@code plan_images}. */
@ApplicationScoped
public class JpaPlanRepository implements PlanRepository {

    @Override
    public List<VpsPlan> findAll(boolean activeOnly) {
        String jpql = "SELECT p FROM PlanEntity p" + (activeOnly ? " WHERE p.active = TRUE" : "")
                + " ORDER BY p.sortOrder, p.name";
        return JpaTransactionRunner.current().createQuery(jpql, PlanEntity.class).getResultList().stream()
                .map(JpaPlanRepository::toDomain).toList();
    }

    @Override
    public Optional<VpsPlan> findById(UUID id) {
        return Optional.ofNullable(JpaTransactionRunner.current().find(PlanEntity.class, id)).map(JpaPlanRepository::toDomain);
    }

    @Override
    public void save(VpsPlan plan) {
        var em = JpaTransactionRunner.current();
        PlanEntity e = em.find(PlanEntity.class, plan.id());
        boolean isNew = e == null;
        if (isNew) {
            e = new PlanEntity();
            e.id = plan.id();
        } else {
            Versions.requireCurrent(e.version, plan.version(), "Plan " + plan.id());
        }
        e.name = plan.name();
        e.sizeSlug = plan.sizeSlug();
        e.vcpu = plan.vcpu();
        e.memoryMb = plan.memoryMb();
        e.diskGb = plan.diskGb();
        e.transferTb = plan.transferTb();
        e.active = plan.isActive();
        e.sortOrder = plan.sortOrder();
        e.prices.clear();
        Map<String, Long> prices = e.prices;
        plan.prices().forEach((period, price) -> prices.put(period.name(), price.rupiah()));
        e.imageIds.clear();
        e.imageIds.addAll(plan.allowedImageIds());
        if (isNew) {
            em.persist(e);
        }
    }

    @Override
    public boolean hasOrders(UUID planId) {
        return !JpaTransactionRunner.current()
                .createQuery("SELECT o.id FROM OrderEntity o WHERE o.planId = :plan", UUID.class)
                .setParameter("plan", planId).setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public void delete(UUID planId) {
        var em = JpaTransactionRunner.current();
        PlanEntity e = em.find(PlanEntity.class, planId);
        if (e != null) {
            em.remove(e);
        }
    }

    static VpsPlan toDomain(PlanEntity e) {
        Map<BillingPeriod, Money> prices = new EnumMap<>(BillingPeriod.class);
        e.prices.forEach((period, price) -> prices.put(BillingPeriod.valueOf(period), Money.rupiah(price)));
        return new VpsPlan(e.id, new VpsPlan.PlanSpec(e.name, e.sizeSlug, e.vcpu, e.memoryMb, e.diskGb, e.transferTb),
                e.active, e.sortOrder, prices, new HashSet<>(e.imageIds), e.version);
    }
}
