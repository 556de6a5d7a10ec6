package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.adapter.out.persistence.entity.OrderEntity;
import id.webrana.cloud.adapter.out.persistence.entity.OrderStatusChangeEntity;
import id.webrana.cloud.application.port.out.OrderRepository;
import id.webrana.cloud.domain.catalog.PricingSnapshot;
import id.webrana.cloud.domain.order.Hostname;
import id.webrana.cloud.domain.order.ImageSnapshot;
import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.order.OrderStatus;
import id.webrana.cloud.domain.order.PlanSnapshot;
import id.webrana.cloud.domain.order.StatusChange;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.BillingPeriod;
import id.webrana.cloud.domain.shared.Money;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Orders and their append-only status history. */
@ApplicationScoped
public class JpaOrderRepository implements OrderRepository {

    @Override
    public Optional<Order> findById(UUID id) {
        EntityManager em = JpaTransactionRunner.current();
        return Optional.ofNullable(em.find(OrderEntity.class, id)).map(e -> toDomain(em, e));
    }

    @Override
    public Optional<Order> findByIdForUpdate(UUID id) {
        EntityManager em = JpaTransactionRunner.current();
        return Optional.ofNullable(em.find(OrderEntity.class, id, LockModeType.PESSIMISTIC_WRITE)).map(e -> toDomain(em, e));
    }

    @Override
    public void save(Order order) {
        EntityManager em = JpaTransactionRunner.current();
        OrderEntity e = em.find(OrderEntity.class, order.id());
        boolean isNew = e == null;
        if (isNew) {
            e = new OrderEntity();
            e.id = order.id();
        } else {
            Versions.requireCurrent(e.version, order.version(), "Order " + order.id());
        }
        e.userId = order.userId();
        e.status = order.status().name();
        PlanSnapshot p = order.plan();
        e.planId = p.planId();
        e.planName = p.name();
        e.sizeSlug = p.sizeSlug();
        e.vcpu = p.vcpu();
        e.memoryMb = p.memoryMb();
        e.diskGb = p.diskGb();
        e.transferTb = p.transferTb();
        e.imageId = order.image().imageId();
        e.imageName = order.image().name();
        e.imageSlug = order.image().providerSlug();
        e.hostname = order.hostname().value();
        e.region = order.region();
        PricingSnapshot s = order.pricing();
        e.billingPeriod = s.period().name();
        e.basePrice = s.basePrice().rupiah();
        e.promoDiscount = s.promoDiscount().rupiah();
        e.promoName = s.promoName();
        e.couponDiscount = s.couponDiscount().rupiah();
        e.couponCode = s.couponCode();
        e.finalPrice = s.finalPrice().rupiah();
        e.sshKeys = String.join("\n", order.sshKeys());
        e.createdAt = order.createdAt();
        e.paymentDueAt = order.paymentDueAt();
        e.paidAt = order.paidAt();
        e.instanceId = order.instanceId();
        e.failureCode = order.failureCode();
        e.failureMessage = order.failureMessage();
        if (isNew) {
            em.persist(e);
        }
        appendNewHistory(em, order, isNew);
    }

    private static void appendNewHistory(EntityManager em, Order order, boolean isNew) {
        int stored = isNew ? 0 : em.createQuery(
                        "SELECT COUNT(h) FROM OrderStatusChangeEntity h WHERE h.orderId = :o", Long.class)
                .setParameter("o", order.id()).getSingleResult().intValue();
        List<StatusChange> history = order.history();
        for (int seq = stored; seq < history.size(); seq++) {
            StatusChange c = history.get(seq);
            OrderStatusChangeEntity h = new OrderStatusChangeEntity();
            h.id = UUID.randomUUID();
            h.orderId = order.id();
            h.seq = seq;
            h.fromStatus = c.from() == null ? null : c.from().name();
            h.toStatus = c.to().name();
            h.actorType = c.actor().type().name();
            h.actorId = c.actor().id();
            h.reason = c.reason();
            h.changedAt = c.at();
            em.persist(h);
        }
    }

    @Override
    public Page<Order> findByUser(UUID userId, PageRequest page) {
        return search(new OrderSearch(null, userId, null, null, null), OrderSort.NEWEST_FIRST, page);
    }

    @Override
    public Page<Order> search(OrderSearch c, OrderSort sort, PageRequest page) {
        EntityManager em = JpaTransactionRunner.current();
        PagedSearch q = new PagedSearch("orders o JOIN users u ON u.id = o.user_id");
        if (c.status() != null) {
            q.and("o.status = ?", c.status().name());
        }
        if (c.userId() != null) {
            q.and("o.user_id = ?", c.userId());
        }
        if (c.createdFrom() != null) {
            q.and("o.created_at >= ?", Timestamp.from(c.createdFrom()));
        }
        if (c.createdTo() != null) {
            q.and("o.created_at < ?", Timestamp.from(c.createdTo()));
        }
        if (c.text() != null) {
            String like = PagedSearch.likePattern(c.text());
            q.and("(o.hostname ILIKE ? OR u.email ILIKE ? OR CAST(o.id AS VARCHAR) ILIKE ?)", like, like, like);
        }
        return q.fetch(em, "o.id", orderBy(sort), page,
                ids -> ids.stream().map(id -> toDomain(em, em.find(OrderEntity.class, asUuid(id)))).toList());
    }

    @Override
    public List<Order> claimOverdueUnpaid(Instant now, int limit) {
        EntityManager em = JpaTransactionRunner.current();
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("SELECT id FROM orders WHERE status = 'PENDING_PAYMENT'"
                        + " AND payment_due_at <= ? ORDER BY payment_due_at LIMIT ? FOR UPDATE SKIP LOCKED")
                .setParameter(1, Timestamp.from(now)).setParameter(2, limit).getResultList();
        return ids.stream().map(id -> toDomain(em, em.find(OrderEntity.class, asUuid(id)))).toList();
    }

    /** The SQL ordering of {@code sort}, with the order id last so that pages neither overlap nor skip rows. */
    static String orderBy(OrderSort sort) {
        String column = switch (sort.key()) {
            case CREATED_AT -> "o.created_at";
            case STATUS -> "o.status";
            case HOSTNAME -> "o.hostname";
            case CUSTOMER_EMAIL -> "u.email";
            case FINAL_PRICE -> "o.final_price";
        };
        String direction = sort.ascending() ? " ASC" : " DESC";
        return column + direction + ", o.id" + direction;
    }

    static UUID asUuid(Object id) {
        return id instanceof UUID u ? u : UUID.fromString(id.toString());
    }

    private static Order toDomain(EntityManager em, OrderEntity e) {
        List<StatusChange> history = em.createQuery(
                        "SELECT h FROM OrderStatusChangeEntity h WHERE h.orderId = :o ORDER BY h.seq",
                        OrderStatusChangeEntity.class)
                .setParameter("o", e.id).getResultList().stream()
                .map(h -> new StatusChange(h.fromStatus == null ? null : OrderStatus.valueOf(h.fromStatus),
                        OrderStatus.valueOf(h.toStatus), new Actor(Actor.Type.valueOf(h.actorType), h.actorId),
                        h.reason, h.changedAt))
                .toList();
        PricingSnapshot pricing = new PricingSnapshot(BillingPeriod.valueOf(e.billingPeriod), Money.rupiah(e.basePrice),
                Money.rupiah(e.promoDiscount), e.promoName, Money.rupiah(e.couponDiscount), e.couponCode,
                Money.rupiah(e.finalPrice));
        List<String> keys = e.sshKeys == null || e.sshKeys.isBlank() ? List.of() : Arrays.asList(e.sshKeys.split("\n"));
        return new Order(e.id, e.userId, OrderStatus.valueOf(e.status),
                new PlanSnapshot(e.planId, e.planName, e.sizeSlug, e.vcpu, e.memoryMb, e.diskGb, e.transferTb),
                new ImageSnapshot(e.imageId, e.imageName, e.imageSlug), new Hostname(e.hostname), e.region, pricing,
                keys, e.createdAt, e.paymentDueAt, e.paidAt, e.instanceId, e.failureCode, e.failureMessage, history,
                e.version);
    }
}
