package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.domain.billing.PaymentSearch;
import id.webrana.cloud.adapter.out.persistence.entity.PaymentEntity;
import id.webrana.cloud.application.port.out.PaymentRepository;
import id.webrana.cloud.domain.billing.Payment;
import id.webrana.cloud.domain.shared.Money;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Payments received, exactly once per (gateway, reference): the unique constraint
 * {@code uq_payments_gateway_reference} refuses a second record even when two callbacks race past
 * the use case's own check. {@link #insert} writes at once, so the loser fails right there with
 * DUPLICATE_CODE (and its transaction rolls back), before it did anything else.
 *
 * <p>"When paid" in {@link #search} is {@code paid_at}, or {@code recorded_at} when the gateway did
 * not say.
 */
@ApplicationScoped
public class JpaPaymentRepository implements PaymentRepository {

    private static final String PAID_TIME = "COALESCE(p.paid_at, p.recorded_at)";

    @Override
    public Optional<Payment> findByReference(String gateway, String reference) {
        return JpaTransactionRunner.current()
                .createQuery("SELECT p FROM PaymentEntity p WHERE p.gateway = :g AND p.reference = :r", PaymentEntity.class)
                .setParameter("g", gateway).setParameter("r", reference)
                .getResultStream().findFirst().map(JpaPaymentRepository::toDomain);
    }

    /**
     * @throws id.webrana.cloud.domain.shared.DomainException DUPLICATE_CODE when this gateway's
     *         reference is already recorded (the transaction can then only roll back)
     */
    @Override
    public void insert(Payment p) {
        EntityManager em = JpaTransactionRunner.current();
        PaymentEntity e = new PaymentEntity();
        e.id = p.id();
        e.gateway = p.gateway();
        e.reference = p.reference();
        e.invoiceId = p.invoiceId();
        e.userId = p.userId();
        e.methodCode = p.methodCode();
        e.methodName = p.methodName();
        e.amount = p.amount().rupiah();
        e.totalPaid = p.totalPaid() == null ? null : p.totalPaid().rupiah();
        e.paidAt = p.paidAt();
        e.recordedAt = p.recordedAt();
        e.outcome = p.outcome().name();
        em.persist(e);
        try {
            em.flush();
        } catch (PersistenceException ex) {
            RuntimeException duplicate = JpaTransactionRunner.uniqueViolation(ex);
            throw duplicate != null ? duplicate : ex;
        }
    }

    @Override
    public List<Payment> findByInvoice(UUID invoiceId) {
        return JpaTransactionRunner.current()
                .createQuery("SELECT p FROM PaymentEntity p WHERE p.invoiceId = :i ORDER BY p.recordedAt DESC, p.id",
                        PaymentEntity.class)
                .setParameter("i", invoiceId).getResultList().stream().map(JpaPaymentRepository::toDomain).toList();
    }

    @Override
    public Page<Payment> search(PaymentSearch c, PageRequest page) {
        EntityManager em = JpaTransactionRunner.current();
        PagedSearch q = new PagedSearch("payments p");
        if (c.userId() != null) {
            q.and("p.user_id = ?", c.userId());
        }
        if (c.gateway() != null && !c.gateway().isBlank()) {
            q.and("p.gateway = ?", c.gateway());
        }
        if (c.paidFrom() != null) {
            q.and(PAID_TIME + " >= ?", Timestamp.from(c.paidFrom()));
        }
        if (c.paidTo() != null) {
            q.and(PAID_TIME + " < ?", Timestamp.from(c.paidTo()));
        }
        if (c.reference() != null && !c.reference().isBlank()) {
            q.and("p.reference ILIKE ?", PagedSearch.likePattern(c.reference().trim()));
        }
        return q.fetch(em, "p.id", PAID_TIME + " DESC, p.id", page, ids -> ids.stream()
                .map(id -> toDomain(em.find(PaymentEntity.class, JpaOrderRepository.asUuid(id)))).toList());
    }

    static Payment toDomain(PaymentEntity e) {
        return new Payment(e.id, e.gateway, e.reference, e.invoiceId, e.userId, e.methodCode, e.methodName,
                Money.rupiah(e.amount), e.totalPaid == null ? null : Money.rupiah(e.totalPaid), e.paidAt,
                e.recordedAt, Payment.Outcome.valueOf(e.outcome));
    }
}
