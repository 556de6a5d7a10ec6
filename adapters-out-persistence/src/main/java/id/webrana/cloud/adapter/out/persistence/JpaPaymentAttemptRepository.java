package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.adapter.out.persistence.entity.PaymentAttemptEntity;
import id.webrana.cloud.application.port.out.PaymentAttemptRepository;
import id.webrana.cloud.domain.billing.PaymentAttempt;
import id.webrana.cloud.domain.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Payment attempts, stored before the gateway is called (with a provisional reference) and updated
 * with its answer. Unique on the merchant reference and on (gateway, reference); reconciliation
 * workers claim unpaid ones with {@code FOR UPDATE SKIP LOCKED} and stamp {@code last_checked_at}.
 */
@ApplicationScoped
public class JpaPaymentAttemptRepository implements PaymentAttemptRepository {

    /**
     * Inserts a new attempt, or updates an existing one: its status, and what the gateway answered
     * when a provisionally stored attempt was opened ({@link PaymentAttempt#openedAt}) or adopted its
     * reference ({@link PaymentAttempt#adopt}). The invoice, gateway, merchant reference and creation
     * time never change; the last check time is the claim's alone.
     */
    @Override
    public void save(PaymentAttempt a) {
        EntityManager em = JpaTransactionRunner.current();
        PaymentAttemptEntity e = em.find(PaymentAttemptEntity.class, a.id());
        boolean isNew = e == null;
        if (isNew) {
            e = new PaymentAttemptEntity();
            e.id = a.id();
            e.invoiceId = a.invoiceId();
            e.gateway = a.gateway();
            e.merchantRef = a.merchantRef();
            e.createdAt = a.createdAt();
        }
        e.reference = a.reference();
        e.methodCode = a.methodCode();
        e.methodName = a.methodName();
        e.amount = rupiah(a.amount());
        e.customerFee = rupiah(a.customerFee());
        e.totalAmount = rupiah(a.totalAmount());
        e.payCode = a.payCode();
        e.payUrl = a.payUrl();
        e.checkoutUrl = a.checkoutUrl();
        e.qrString = a.qrString();
        e.qrUrl = a.qrUrl();
        e.status = a.status();
        e.expiresAt = a.expiresAt();
        e.instructions = InstructionsJson.write(a.instructions());
        if (isNew) {
            em.persist(e);
        }
    }

    @Override
    public Optional<PaymentAttempt> findByReference(String gateway, String reference) {
        return JpaTransactionRunner.current()
                .createQuery("SELECT a FROM PaymentAttemptEntity a WHERE a.gateway = :g AND a.reference = :r",
                        PaymentAttemptEntity.class)
                .setParameter("g", gateway).setParameter("r", reference)
                .getResultStream().findFirst().map(JpaPaymentAttemptRepository::toDomain);
    }

    @Override
    public Optional<PaymentAttempt> findByMerchantRef(String merchantRef) {
        return JpaTransactionRunner.current()
                .createQuery("SELECT a FROM PaymentAttemptEntity a WHERE a.merchantRef = :m", PaymentAttemptEntity.class)
                .setParameter("m", merchantRef)
                .getResultStream().findFirst().map(JpaPaymentAttemptRepository::toDomain);
    }

    @Override
    public List<PaymentAttempt> findByInvoice(UUID invoiceId) {
        return JpaTransactionRunner.current()
                .createQuery("SELECT a FROM PaymentAttemptEntity a WHERE a.invoiceId = :i"
                        + " ORDER BY a.createdAt DESC, a.merchantRef DESC", PaymentAttemptEntity.class)
                .setParameter("i", invoiceId).getResultList().stream()
                .map(JpaPaymentAttemptRepository::toDomain).toList();
    }

    @Override
    public int countByInvoice(UUID invoiceId) {
        return JpaTransactionRunner.current()
                .createQuery("SELECT COUNT(a) FROM PaymentAttemptEntity a WHERE a.invoiceId = :i", Long.class)
                .setParameter("i", invoiceId).getSingleResult().intValue();
    }

    @Override
    public List<PaymentAttempt> claimForCheck(Instant now, Instant createdBefore, Instant checkedBefore, int limit) {
        if (limit < 1) {
            return List.of();
        }
        EntityManager em = JpaTransactionRunner.current();
        @SuppressWarnings("unchecked")
        List<Object> found = em.createNativeQuery("SELECT id FROM payment_attempts WHERE status = 'UNPAID'"
                        + " AND created_at < ? AND (last_checked_at IS NULL OR last_checked_at < ?)"
                        + " ORDER BY last_checked_at NULLS FIRST, created_at, id LIMIT ? FOR UPDATE SKIP LOCKED")
                .setParameter(1, Timestamp.from(createdBefore)).setParameter(2, Timestamp.from(checkedBefore))
                .setParameter(3, limit).getResultList();
        if (found.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = found.stream().map(JpaOrderRepository::asUuid).toList();
        Query stamp = em.createNativeQuery("UPDATE payment_attempts SET last_checked_at = ? WHERE id IN ("
                + ids.stream().map(id -> "?").collect(Collectors.joining(", ")) + ")");
        stamp.setParameter(1, Timestamp.from(now));
        for (int i = 0; i < ids.size(); i++) {
            stamp.setParameter(i + 2, ids.get(i));
        }
        stamp.executeUpdate();
        return ids.stream().map(id -> toDomain(em.find(PaymentAttemptEntity.class, id))).toList();
    }

    private static Long rupiah(Money m) {
        return m == null ? null : m.rupiah();
    }

    private static Money money(Long rupiah) {
        return rupiah == null ? null : Money.rupiah(rupiah);
    }

    static PaymentAttempt toDomain(PaymentAttemptEntity e) {
        return new PaymentAttempt(e.id, e.invoiceId, e.gateway, e.reference, e.merchantRef, e.methodCode,
                e.methodName, money(e.amount), money(e.customerFee), money(e.totalAmount), e.payCode, e.payUrl,
                e.checkoutUrl, e.qrString, e.qrUrl, e.status, e.expiresAt, e.createdAt,
                InstructionsJson.read(e.instructions));
    }
}
